package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * A first, honest extractor: decide from the content whether it is HTML, entity-escaped HTML or flattened text;
 * for HTML, drop non-content elements, pick the element that holds most paragraph text and keep its blocks; for
 * text, keep its paragraphs. Both then drop furniture by the pattern data. Metadata comes from OpenGraph, meta
 * tags, JSON-LD-free fallbacks and the caller's hints.
 */
public final class JsoupExtractor implements ArticleExtractor {

    /** Markup written as entities: {@code &lt;p&gt;}, {@code <&sol;p>}, {@code class&equals;"..."}. */
    private static final Pattern ESCAPED_MARKUP = Pattern.compile(
            "&lt;\\s*/?\\s*[a-z][a-z0-9-]*[\\s&>]|<&sol;[a-z]|&lt;&sol;|[a-z-]+&equals;&quot;|[a-z-]+&equals;\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*(!doctype|html|head|body|p|div|article|section|br|span|h[1-6]|meta|ul|li|a|table|figure)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final String NON_CONTENT = "script, style, noscript, iframe, form, nav, aside, footer, header, "
            + "button, svg, select, input, textarea, template, object, embed, canvas, dialog, menu, "
            + "amp-ad, amp-embed, [hidden], [aria-hidden=true], [role=navigation], [role=complementary]";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd";
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u200b]+");

    private final FurniturePatterns furniture;
    private final LanguageGuesser languages;

    public JsoupExtractor(FurniturePatterns furniture, LanguageGuesser languages) {
        this.furniture = furniture;
        this.languages = languages;
    }

    @Override
    public Extraction extract(RawInput input) {
        String content = input.content() == null ? "" : input.content().replace("\u0000", "");
        List<String> dropped = new ArrayList<>();
        Extraction result;
        if (ESCAPED_MARKUP.matcher(content).find()) {
            dropped.add("decoded entity-escaped markup");
            content = Parser.unescapeEntities(content, false);
        }
        if (MARKUP.matcher(content).find()) {
            result = fromHtml(Jsoup.parse(content, input.urlHint() == null ? "" : input.urlHint()), input, dropped);
        } else {
            result = fromText(content, input, dropped);
        }
        if (result.language() == null && !result.paragraphs().isEmpty()) {
            result = result.withLanguage(languages.guess(result.text()));
        }
        return result;
    }

    private Extraction fromHtml(Document doc, RawInput input, List<String> dropped) {
        String title = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), text(doc.selectFirst("h1")),
                doc.title(), input.titleHint());
        String siteName = meta(doc, "og:site_name");
        String published = firstNonBlank(meta(doc, "article:published_time"), meta(doc, "og:published_time"),
                meta(doc, "datePublished"), meta(doc, "pubdate"), meta(doc, "date"), meta(doc, "dc.date"),
                attr(doc.selectFirst("time[datetime]"), "datetime"), input.publishedHint());
        String author = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"),
                text(doc.selectFirst("[rel=author], .byline, .author")));
        String canonical = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), meta(doc, "og:url"),
                input.urlHint());
        String description = firstNonBlank(meta(doc, "description"), meta(doc, "og:description"));
        String language = firstNonBlank(attr(doc.selectFirst("html[lang]"), "lang"),
                meta(doc, "content-language"), input.languageHint());

        Element body = doc.body();
        int removed = body.select(NON_CONTENT).size();
        body.select(NON_CONTENT).remove();
        for (Element e : body.select("[class], [id]")) {
            if (e.parent() != null && furniture.isFurnitureAttribute(e.className() + " " + e.id())) {
                e.remove();
                removed++;
            }
        }
        if (removed > 0) {
            dropped.add("removed " + removed + " non-content elements");
        }
        Element root = mainContent(body);
        List<String> blocks = new ArrayList<>();
        Elements candidates = root.select(BLOCKS);
        for (Element block : candidates) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a container of other blocks: its children speak for it
            }
            String text = normalize(block.text());
            if (text.isEmpty()) {
                continue;
            }
            int linkChars = block.select("a").text().length();
            if (linkChars > 0.6 * text.length() && text.length() < 200) {
                dropped.add("link list: " + abbreviate(text));
                continue;
            }
            blocks.add(text);
        }
        if (blocks.isEmpty()) {
            blocks = splitLines(root.wholeText());
        }
        List<String> paragraphs = filterFurniture(blocks, title, dropped);
        if (language != null) {
            language = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        }
        return new Extraction(blankToNull(title), author == null ? List.of() : List.of(author), published,
                siteName, language, canonical, description, paragraphs, dropped);
    }

    private Extraction fromText(String content, RawInput input, List<String> dropped) {
        List<String> lines = content.contains("\n\n") ? splitBlocks(content) : splitLines(content);
        String title = input.titleHint();
        if (title == null && lines.size() > 1 && lines.get(0).length() < 200 && !lines.get(0).endsWith(".")) {
            title = lines.get(0);
        }
        List<String> paragraphs = filterFurniture(lines, title, dropped);
        return new Extraction(blankToNull(title), List.of(), input.publishedHint(), null, input.languageHint(),
                input.urlHint(), null, paragraphs, dropped);
    }

    /** Keeps paragraphs until a stop line, without furniture lines and without repeating the title. */
    private List<String> filterFurniture(List<String> blocks, String title, List<String> dropped) {
        Set<String> kept = new LinkedHashSet<>();
        String normalizedTitle = title == null ? null : normalize(title);
        for (String block : blocks) {
            if (furniture.isStopLine(block) && !kept.isEmpty()) {
                dropped.add("end of article at: " + abbreviate(block));
                break;
            }
            if (furniture.isFurnitureLine(block)) {
                dropped.add("furniture: " + abbreviate(block));
            } else if (block.equals(normalizedTitle)) {
                dropped.add("headline repeated in body");
            } else if (!kept.add(block)) {
                dropped.add("repeated paragraph: " + abbreviate(block));
            }
        }
        return new ArrayList<>(kept);
    }

    /** The element whose own paragraphs hold the most text; the body when nothing stands out. */
    private static Element mainContent(Element body) {
        java.util.Map<Element, Integer> scores = new java.util.IdentityHashMap<>();
        Element best = body;
        int bestScore = 0;
        for (Element p : body.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int score = scores.merge(parent, p.text().length(), Integer::sum);
            if (score > bestScore) {
                bestScore = score;
                best = parent;
            }
        }
        // Prefer the enclosing <article> when the chosen element sits inside one.
        Element article = best.closest("article");
        return article != null ? article : best;
    }

    private static List<String> splitBlocks(String content) {
        List<String> out = new ArrayList<>();
        for (String block : content.split("\\n\\s*\\n")) {
            String text = normalize(block);
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    private static List<String> splitLines(String content) {
        List<String> out = new ArrayList<>();
        for (String line : content.split("\\R")) {
            String text = normalize(line);
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    static String normalize(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return e == null ? null : blankToNull(normalize(e.attr("content")));
    }

    private static String attr(Element e, String name) {
        return e == null ? null : blankToNull(e.attr(name));
    }

    private static String text(Element e) {
        return e == null ? null : blankToNull(normalize(e.text()));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return normalize(v);
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
