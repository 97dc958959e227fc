package dev.storyline.cluster.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * The latest stories, or one story's articles, as Atom (written by Rome) and as JSON Feed 1.1, so that a feed reader
 * can follow them. Entries are built by the caller; this class only speaks the two formats.
 */
public final class StoryFeeds {

    private StoryFeeds() {
    }

    /** One entry: a story on the stories feed, an article on a story's feed. */
    public record Entry(String id, String title, String link, String summary, Instant published, Instant updated) {
    }

    public record Feed(String id, String title, String homePage, String self, Instant updated, List<Entry> entries) {
    }

    public static String atom(Feed feed) {
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType("atom_1.0");
        out.setUri(feed.id());
        out.setTitle(feed.title());
        out.setLink(feed.homePage());
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feed.self());
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(feed.homePage());
        out.setLinks(List.of(alternate, self));
        out.setPublishedDate(Date.from(feed.updated()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Entry e : feed.entries()) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(e.id());
            entry.setTitle(e.title() == null ? "(untitled)" : e.title());
            entry.setLink(e.link());
            entry.setPublishedDate(Date.from(e.published()));
            entry.setUpdatedDate(Date.from(e.updated()));
            if (e.summary() != null) {
                SyndContentImpl summary = new SyndContentImpl();
                summary.setType("text");
                summary.setValue(e.summary());
                entry.setDescription(summary);
            }
            entries.add(entry);
        }
        out.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(out);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written: " + e.getMessage(), e);
        }
    }

    /** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl, List<JsonFeedItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeedItem(String id, String url, String title, String summary,
            @JsonProperty("date_published") Instant datePublished, @JsonProperty("date_modified") Instant dateModified) {
    }

    public static JsonFeed json(Feed feed) {
        return new JsonFeed("https://jsonfeed.org/version/1.1", feed.title(), feed.homePage(), feed.self(),
                feed.entries().stream().map(e -> new JsonFeedItem(e.id(), e.link(), e.title(), e.summary(),
                        e.published(), e.updated())).toList());
    }
}
