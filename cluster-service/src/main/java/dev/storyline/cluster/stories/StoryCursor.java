package dev.storyline.cluster.stories;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of stories ended: the last story's update time and id, in the front page's order (newest update
 * first, id breaking ties). Opaque to clients; stable while stories are added, unlike an offset.
 */
public record StoryCursor(Instant lastUpdated, String id) {

    private static final char SEPARATOR = '|';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lastUpdated.toString() + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    public static StoryCursor decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int cut = s.indexOf(SEPARATOR);
            if (cut > 0 && cut < s.length() - 1) {
                return new StoryCursor(Instant.parse(s.substring(0, cut)), s.substring(cut + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw new InvalidQuery("cursor '" + cursor + "' is not one this API gave out (take it from a page's next)");
    }
}
