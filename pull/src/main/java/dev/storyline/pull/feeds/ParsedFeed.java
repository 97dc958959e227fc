package dev.storyline.pull.feeds;

import java.util.List;

/**
 * A feed as read: its format (e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}), title, site, language,
 * entries in document order, and what had to be repaired or could not be read.
 */
public record ParsedFeed(String format, String title, String siteUrl, String language, List<FeedEntry> entries,
        List<String> warnings) {

    public ParsedFeed {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
