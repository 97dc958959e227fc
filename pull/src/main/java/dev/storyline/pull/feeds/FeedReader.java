package dev.storyline.pull.feeds;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads a feed of any format we take: RSS 0.9x, 1.0, 2.0 and Atom 0.3, 1.0 with Rome (DOCTYPEs never allowed), and
 * JSON Feed 1.0, 1.1 ({@link JsonFeedReader}). Broken XML gets one repair pass ({@link XmlText#repair}); what was
 * mended is reported in the answer's warnings.
 */
public final class FeedReader {

    private final JsonFeedReader json = new JsonFeedReader();

    public ParsedFeed read(byte[] body, Optional<Charset> httpCharset, String mediaType) throws FeedUnreadable {
        List<String> warnings = new ArrayList<>();
        if (looksLikeJson(body, mediaType)) {
            return json.read(body, warnings);
        }
        String xml = XmlText.decode(body, httpCharset, warnings);
        XmlText.refuseDoctype(xml);
        SyndFeed feed;
        try {
            feed = rome(xml);
        } catch (FeedException | IllegalArgumentException first) {
            String mended = XmlText.repair(xml, warnings);
            try {
                feed = rome(mended);
            } catch (FeedException | IllegalArgumentException second) {
                throw new FeedUnreadable("not a feed we can read: " + rootCause(second), second);
            }
        }
        return convert(feed, warnings);
    }

    private static SyndFeed rome(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false); // XmlText.repair mends, and says what it mended
        return input.build(new StringReader(xml));
    }

    private static ParsedFeed convert(SyndFeed feed, List<String> warnings) {
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String content = null;
            for (SyndContent c : e.getContents()) {
                if (c.getValue() != null && !c.getValue().isBlank()) {
                    content = c.getValue();
                    break;
                }
            }
            String summary = e.getDescription() == null ? null : blankToNull(e.getDescription().getValue());
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            entries.add(new FeedEntry(blankToNull(e.getUri()), blankToNull(e.getLink()), blankToNull(e.getTitle()),
                    date == null ? null : date.toInstant(), content, true, summary, null));
        }
        return new ParsedFeed(feed.getFeedType(), blankToNull(feed.getTitle()), blankToNull(feed.getLink()),
                blankToNull(feed.getLanguage()), entries, warnings);
    }

    private static boolean looksLikeJson(byte[] body, String mediaType) {
        if (mediaType != null && (mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return true;
        }
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
