package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a page says about itself, most trustworthy first: JSON-LD ({@code NewsArticle} and kin), then OpenGraph and
 * meta tags, then {@code <time>}. Visible stamps are the extractor's last resort.
 */
final class PageMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "webpage",
            "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle");

    String title;
    String siteName;
    String published;
    String description;
    String canonicalUrl;
    String language;
    String articleBody;
    final Set<String> bylines = new LinkedHashSet<>();

    /** Every meta tag's content by its property, name or itemprop (lower-cased), first one wins: one pass. */
    private final java.util.Map<String, String> metas = new java.util.HashMap<>();

    static PageMetadata of(Document doc) {
        PageMetadata m = new PageMetadata();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            for (String key : new String[] { meta.attr("property"), meta.attr("name"), meta.attr("itemprop") }) {
                if (!key.isEmpty()) {
                    m.metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                m.readJsonLd(JSON.readTree(script.data()));
            } catch (Exception malformed) {
                // many pages carry broken JSON-LD; the other sources still count
            }
        }
        m.title = first(m.title, m.meta("og:title"), m.meta("twitter:title"));
        m.siteName = first(m.siteName, m.meta("og:site_name"), m.meta("application-name"));
        m.published = first(m.published, Stamps.normalizeIso(first(m.meta("article:published_time"),
                m.meta("og:published_time"), m.meta("datePublished"), m.meta("pubdate"),
                m.meta("publishdate"), m.meta("date"), m.meta("dc.date"), m.meta("dc.date.issued"),
                m.meta("sailthru.date"), m.meta("parsely-pub-date"))));
        if (m.published == null) {
            Element time = doc.selectFirst("time[datetime]");
            m.published = time == null ? null : Stamps.normalizeIso(time.attr("datetime"));
        }
        m.description = first(m.description, m.meta("og:description"), m.meta("description"),
                m.meta("twitter:description"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        m.canonicalUrl = first(canonical == null ? null : canonical.absUrl("href"), m.meta("og:url"));
        Element html = doc.selectFirst("html[lang]");
        m.language = first(m.language, html == null ? null : html.attr("lang"), m.meta("content-language"),
                m.meta("og:locale"));
        if (m.language != null) {
            m.language = m.language.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (!m.language.matches("[a-z]{2,3}")) {
                m.language = null;
            }
        }
        if (m.bylines.isEmpty()) {
            for (String author : new String[] { m.meta("author"), m.meta("article:author"),
                    m.meta("parsely-author"), m.meta("sailthru.author") }) {
                if (author != null && !author.startsWith("http")) {
                    m.bylines.add(author);
                }
            }
        }
        return m;
    }

    private void readJsonLd(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(this::readJsonLd);
            return;
        }
        if (node.has("@graph")) {
            readJsonLd(node.get("@graph"));
        }
        if (!isArticle(node.get("@type"))) {
            return;
        }
        title = first(title, text(node.get("headline")), text(node.get("name")));
        published = first(published, Stamps.normalizeIso(text(node.get("datePublished"))));
        description = first(description, text(node.get("description")));
        language = first(language, text(node.get("inLanguage")));
        String body = text(node.get("articleBody"));
        if (body != null && (articleBody == null || body.length() > articleBody.length())) {
            articleBody = body;
        }
        JsonNode publisher = node.get("publisher");
        if (publisher != null) {
            siteName = first(siteName, text(publisher.isArray() && publisher.size() > 0 ? publisher.get(0).get("name")
                    : publisher.get("name")));
        }
        JsonNode author = node.get("author");
        if (author != null) {
            for (JsonNode a : author.isArray() ? author : List.of(author)) {
                String name = a.isTextual() ? a.asText() : text(a.get("name"));
                if (name != null && !name.startsWith("http")) {
                    bylines.add(name);
                }
            }
        }
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 0 ? null : text(n.get(0));
        }
        String s = n.isTextual() ? n.asText() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String meta(String name) {
        String v = metas.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            return null;
        }
        v = JsoupExtractor.normalize(v);
        return v.isEmpty() ? null : v;
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
