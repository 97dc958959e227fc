package dev.storyline.ingest.feeds;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.storyline.ingest.intake.ArticleSubmission;
import dev.storyline.ingest.intake.Hashes;
import dev.storyline.pull.feeds.FeedEntry;
import dev.storyline.pull.feeds.ParsedFeed;

/** How a feed's items become articles: their identity, which are new, and what each submission holds. */
final class FeedItems {

    private FeedItems() {
    }

    /** An item's identity: its guid, else its link, else a hash of its title and summary. */
    static String key(FeedEntry e) {
        if (e.guid() != null) {
            return Hashes.sha256("guid:" + e.guid());
        }
        if (e.link() != null) {
            return Hashes.sha256("link:" + e.link());
        }
        return Hashes.sha256("text:" + e.title() + "\n" + e.summary());
    }

    /** The items not seen before, in feed order; on a feed's first poll, at most {@code firstPollMax}. */
    static List<FeedEntry> fresh(ParsedFeed feed, Set<String> known, boolean firstPoll, int firstPollMax) {
        List<FeedEntry> out = new ArrayList<>();
        Set<String> inThisPoll = new java.util.HashSet<>();
        for (FeedEntry e : feed.entries()) {
            String k = key(e);
            if (!known.contains(k) && inThisPoll.add(k)) {
                out.add(e);
            }
            if (firstPoll && out.size() >= firstPollMax) {
                break;
            }
        }
        return out;
    }

    /** The item's link, resolved against the feed's URL, or null. */
    static URI link(FeedEntry e, URI feedUrl) {
        if (e.link() == null) {
            return null;
        }
        try {
            return feedUrl.resolve(e.link().strip());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    /**
     * The submission for an item: the feed's content when it carries the article, else the fetched page, else the
     * summary (or title) as a brief. An undated item goes without {@code published}: its fetch time travels as
     * {@code receivedAt}, and the cleaner may still find the page's own date.
     */
    static ArticleSubmission submission(FeedEntry e, URI link, Feed feed, String fetchedHtml) {
        String externalId = e.guid() != null ? e.guid() : link != null ? link.toString() : "feed:" + feed.id + ":" + key(e);
        String language = e.language() != null ? e.language() : feed.language;
        String source = feed.siteUrl != null ? host(feed.siteUrl) : host(feed.url);
        String published = e.published() == null ? null : e.published().toString();
        String url = link == null ? null : link.toString();
        if (e.content() != null) {
            return new ArticleSubmission(externalId, url, source, e.title(), published, language,
                    e.contentIsHtml() ? e.content() : null, e.contentIsHtml() ? null : e.content());
        }
        if (fetchedHtml != null) {
            return new ArticleSubmission(externalId, url, source, e.title(), published, language, fetchedHtml, null);
        }
        String brief = e.summary() != null ? e.summary() : e.title();
        return new ArticleSubmission(externalId, url, source, e.title(), published, language, null,
                brief == null ? null : org.jsoup.Jsoup.parse(brief).text());
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
