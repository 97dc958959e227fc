package dev.storyline.pull.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Feed XML as text: decoded by the BOM, then the declaration, then the HTTP header, then UTF-8; when the bytes do
 * not fit the declared charset, the next candidate is tried and the mismatch reported. A DOCTYPE is refused
 * (that is where XXE and entity expansion live). {@link #repair} mends what lenient readers accept: bare
 * ampersands, HTML named entities, characters XML forbids.
 */
final class XmlText {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMPERSAND = Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final List<String> XML_ENTITIES = List.of("amp", "lt", "gt", "quot", "apos");

    private XmlText() {
    }

    static String decode(byte[] bytes, Optional<Charset> httpCharset, List<String> warnings) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8).orElseGet(() -> lenient(bytes, 3, warnings));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head.stripLeading());
        Optional<Charset> declared = m.find() ? charset(m.group(1)) : Optional.empty();
        Optional<Charset> claimed = declared.isPresent() ? declared : httpCharset;
        if (claimed.isPresent() && !claimed.get().name().startsWith("UTF") && hasHighBytes(bytes)) {
            Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
            if (utf8.isPresent()) { // valid multi-byte UTF-8 is almost never single-byte text by accident
                warnings.add("declared " + claimed.get().name() + " but the bytes are UTF-8; read as UTF-8");
                return utf8.get();
            }
        }
        for (Optional<Charset> candidate : List.of(declared, httpCharset, Optional.of(StandardCharsets.UTF_8))) {
            if (candidate.isPresent()) {
                Optional<String> text = strict(bytes, 0, candidate.get());
                if (text.isPresent()) {
                    if (declared.isPresent() && !candidate.equals(declared)) {
                        warnings.add("declared " + declared.get().name() + " but the bytes are not; read as "
                                + candidate.get().name());
                    }
                    return text.get();
                }
            }
        }
        return lenient(bytes, 0, warnings);
    }

    /** windows-1252 reads any bytes; the last resort, said so. */
    private static String lenient(byte[] bytes, int offset, List<String> warnings) {
        warnings.add("the bytes fit no declared charset nor UTF-8; read as windows-1252");
        return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
    }

    static void refuseDoctype(String xml) throws FeedUnreadable {
        if (DOCTYPE.matcher(xml).find()) {
            throw new FeedUnreadable("the feed declares a DOCTYPE, which is never allowed (XXE and entity expansion "
                    + "live there); nothing from it is ingested");
        }
    }

    /** The XML with bare '&', HTML-only entities and forbidden characters mended; each kind of repair reported. */
    static String repair(String xml, List<String> warnings) {
        int[] bare = { 0 };
        int[] html = { 0 };
        int[] unknown = { 0 };
        StringBuilder out = new StringBuilder(xml.length() + 64);
        Matcher m = AMPERSAND.matcher(xml);
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                bare[0]++;
                replacement = "&amp;";
            } else if (m.group(2) == null || XML_ENTITIES.contains(m.group(2))) {
                replacement = m.group();
            } else {
                String chars = Entities.getByName(m.group(2));
                if (chars.isEmpty()) {
                    unknown[0]++;
                    replacement = "&amp;" + m.group(2) + ";";
                } else {
                    html[0]++;
                    StringBuilder refs = new StringBuilder();
                    chars.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
                    replacement = refs.toString();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String mended = FORBIDDEN.matcher(out).replaceAll("");
        int dropped = out.length() - mended.length();
        report(warnings, bare[0], "unescaped '&' escaped");
        report(warnings, html[0], "HTML entities (such as &nbsp;) turned into characters");
        report(warnings, unknown[0], "unknown entities kept as text");
        report(warnings, dropped, "characters XML does not allow removed");
        return mended;
    }

    private static void report(List<String> warnings, int count, String what) {
        if (count > 0) {
            warnings.add(count + " " + what);
        }
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
