package dev.storyline.pull.feeds;

import java.time.Instant;

/**
 * One item of a feed, whatever its format.
 *
 * @param guid      the item's own id (RSS guid, Atom id, JSON Feed id), or null
 * @param link      the page the item points at, or null
 * @param title     the item's title, or null
 * @param published when it was published (or last updated, when that is all it says), or null when undated
 * @param content   the full article when the item carries it (content:encoded, Atom content, content_html), else null
 * @param contentIsHtml whether {@code content} is HTML (false for JSON Feed's content_text)
 * @param summary   the item's summary or description, or null
 * @param language  the item's language when it declares one, or null
 */
public record FeedEntry(String guid, String link, String title, Instant published, String content,
        boolean contentIsHtml, String summary, String language) {
}
