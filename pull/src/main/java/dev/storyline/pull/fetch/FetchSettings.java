package dev.storyline.pull.fetch;

import java.time.Duration;

/**
 * How fetches behave: who we say we are, the caps, and the politeness per host.
 *
 * @param userAgent      sent with every request (names Storyline and a contact URL)
 * @param maxBytes       the most a response body may hold, after decompression
 * @param timeout        the most a whole fetch may take, redirects included
 * @param maxRedirects   redirects followed, each checked like the first URL
 * @param perHostConcurrency requests to one host at a time
 * @param perHostDelay   the least time between the starts of two requests to one host
 */
public record FetchSettings(String userAgent, long maxBytes, Duration timeout, int maxRedirects,
        int perHostConcurrency, Duration perHostDelay) {

    public FetchSettings {
        if (maxBytes <= 0 || maxRedirects < 0 || perHostConcurrency < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("fetch settings out of range");
        }
    }
}
