package dev.storyline.clean.extract;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, honouring what the bytes declare: a byte-order mark first, then the caller's charset (an HTTP
 * header), then a {@code <meta charset>} in the first kilobytes, else UTF-8. Invalid sequences become U+FFFD
 * instead of failing.
 */
public final class Decoding {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;

    private Decoding() {
    }

    public static String decode(byte[] bytes, String declaredCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return decode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return decode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return decode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = charset(declaredCharset);
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            charset = m.find() ? charset(m.group(1)) : null;
        }
        return decode(bytes, 0, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            String n = name.strip().toLowerCase(Locale.ROOT);
            // As browsers do: pages labelled Latin-1 are read as windows-1252.
            return Charset.forName(n.equals("iso-8859-1") || n.equals("latin1") ? "windows-1252" : n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String decode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, charset);
        }
    }
}
