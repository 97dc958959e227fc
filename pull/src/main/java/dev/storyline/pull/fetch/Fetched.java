package dev.storyline.pull.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * A fetch's answer: the body (empty for 304), the final URL after redirects, and the validators for the next
 * conditional GET.
 */
public record Fetched(URI finalUri, int status, byte[] body, String contentType, String etag, String lastModified) {

    public boolean notModified() {
        return status == 304;
    }

    /** The media type without parameters, lower case; empty when the server sent none. */
    public String mediaType() {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The charset the Content-Type header names, when it names one Java knows. */
    public Optional<Charset> declaredCharset() {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Optional.of(Charset.forName(kv[1].strip().replace("\"", "")));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
