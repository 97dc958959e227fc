package dev.storyline.pull.feeds;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with Jackson. */
final class JsonFeedReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    ParsedFeed read(byte[] body, List<String> warnings) throws FeedUnreadable {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FeedUnreadable("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String version = text(root, "version");
        if (root == null || !root.isObject() || version == null || !version.startsWith(VERSION_PREFIX)) {
            throw new FeedUnreadable("JSON without a JSON Feed version (" + VERSION_PREFIX + "1 or 1.1)");
        }
        if (!root.path("items").isArray()) {
            throw new FeedUnreadable("a JSON Feed without an items array");
        }
        String feedLanguage = text(root, "language");
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String html = text(item, "content_html");
            String plain = text(item, "content_text");
            String link = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
            entries.add(new FeedEntry(text(item, "id"), link, text(item, "title"), date(item, warnings),
                    html != null ? html : plain, html != null, text(item, "summary"),
                    text(item, "language") != null ? text(item, "language") : feedLanguage));
        }
        return new ParsedFeed("json_" + version.substring(VERSION_PREFIX.length()), text(root, "title"),
                text(root, "home_page_url"), feedLanguage, entries, warnings);
    }

    private static Instant date(JsonNode item, List<String> warnings) {
        String value = text(item, "date_published") != null ? text(item, "date_published") : text(item, "date_modified");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            warnings.add("an item's date is not RFC 3339 and was left out: " + value);
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() ? null : FeedReader.blankToNull(v.asText());
    }
}
