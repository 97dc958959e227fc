package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns a raw item into an article. It decides from the content itself what the item is: HTML, HTML whose markup
 * is entity-escaped (decoded first), or text flattened from a page. HTML goes through {@link HtmlContent} to find
 * the article's blocks; both kinds then go through the same {@link LinePass}, driven by the furniture data.
 * Metadata comes from the page (JSON-LD, meta tags, {@code <time>}), then from what the dropped lines said
 * (wrapper sentences, visible stamps), then from the caller's hints.
 */
public final class JsoupExtractor implements ArticleExtractor {

    /** Markup written as entities ({@code &lt;/p&gt;}, {@code <&sol;p>}, {@code class&equals;"..."}). */
    private static final String[] ESCAPED_MARKERS = { "<&sol;", "&lt;/", "&lt;&sol;", "&equals;\"", "&equals;&quot;" };
    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*(!doctype|html|head|body|p|div|article|section|br|span|h[1-6]|meta|ul|li|a|table|figure)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    /** Below this share of the JSON-LD articleBody's words, the DOM extraction is taken to have missed the article. */
    private static final double ARTICLE_BODY_COVERAGE = 0.5;
    /** Less article text than this, and a list of items on the page holding several times more, is a listing. */
    private static final int WEAK_ARTICLE_CHARS = 400;
    private static final int ITEM_LIST_ADVANTAGE = 3;
    private static final int ARTICLE_BODY_MIN_CHARS = 400;

    /** Above this share of control or undecodable characters, the input is not text. */
    private static final double MAX_BINARY_SHARE = 0.05;
    private static final int BINARY_SAMPLE = 65_536;

    private final LanguageGuesser languages;
    private final HtmlContent html;
    private final LinePass lines;
    private final long budgetMillis;

    /** @param budgetMillis how long one extraction may take before it gives up with an empty article */
    public JsoupExtractor(FurniturePatterns furniture, LanguageGuesser languages, long budgetMillis) {
        this.languages = languages;
        this.budgetMillis = budgetMillis;
        this.html = new HtmlContent(furniture);
        this.lines = new LinePass(furniture);
    }

    @Override
    public Extraction extract(RawInput input) {
        String content = input.content() == null ? "" : input.content();
        List<String> dropped = new ArrayList<>();
        if (content.isBlank()) {
            return Extraction.empty("the input is empty", dropped);
        }
        if (binaryShare(content) > MAX_BINARY_SHARE) {
            return Extraction.empty("the input is not text (binary or undecodable data)", dropped);
        }
        if (content.indexOf('\u0000') >= 0) {
            content = content.replace("\u0000", "");
        }
        Budget budget = new Budget(budgetMillis);
        Extraction result;
        try {
            if (looksEscaped(content)) {
                dropped.add("decoded entity-escaped markup");
                content = Parser.unescapeEntities(content, false);
            }
            result = MARKUP.matcher(content).find()
                    ? fromHtml(Jsoup.parse(content, input.urlHint() == null ? "" : input.urlHint()), input, dropped, budget)
                    : fromText(content, input, dropped, budget);
        } catch (Budget.Exceeded | StackOverflowError e) {
            return Extraction.empty(e instanceof Budget.Exceeded ? e.getMessage()
                    : "extraction stopped: the page is nested too deeply", dropped);
        }
        if (result.paragraphs().isEmpty()) {
            return new Extraction(result.title(), result.bylines(), result.published(), result.siteName(),
                    result.language(), result.canonicalUrl(), result.description(), List.of(), dropped,
                    "no article found: nothing on the page reads as article text");
        }
        if (result.language() == null) {
            result = result.withLanguage(languages.guess(result.text()));
        }
        return result;
    }

    /**
     * Whether the markup itself is entity-escaped: escaped closing tags and attributes outnumber real closing tags.
     * A real page that shows some escaped HTML as an example keeps its own, far more numerous, real tags.
     */
    static boolean looksEscaped(String content) {
        // Fast exit (intrinsic scans) for the usual page, which holds none of the markers.
        if (!content.contains("&sol;") && !content.contains("&lt;") && !content.contains("&equals;")) {
            return false;
        }
        int escaped = 0;
        int real = 0;
        int n = content.length();
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c == '<' && i + 1 < n) {
                if (content.charAt(i + 1) == '/') {
                    real++;
                } else if (content.startsWith("&sol;", i + 1)) {
                    escaped++;
                }
            } else if (c == '&') {
                for (String marker : ESCAPED_MARKERS) {
                    if (marker.charAt(0) == '&' && content.startsWith(marker, i)) {
                        escaped++;
                        break;
                    }
                }
            }
        }
        return escaped > 0 && escaped > real;
    }

    /** The share of control characters and U+FFFD in a sample: high for binary data read as text. */
    private static double binaryShare(String content) {
        int n = Math.min(content.length(), BINARY_SAMPLE);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                bad++;
            }
        }
        return n == 0 ? 0 : (double) bad / n;
    }

    private Extraction fromHtml(Document doc, RawInput input, List<String> dropped, Budget budget) {
        PageMetadata meta = PageMetadata.of(doc);
        String title = Titles.choose(doc, meta, input.urlHint());
        // What the page prints around its headline is read before the furniture around it is removed.
        Set<String> bylines = new LinkedHashSet<>(Bylines.choose(meta.bylines, meta.siteName, doc));
        String printedDate = meta.published != null ? null
                : VisibleDates.find(doc, meta.language, PageMetadata.first(input.urlHint(), meta.canonicalUrl));
        List<Block> blocks = html.blocks(doc.body(), dropped, budget);
        LinePass.Result pass = lines.apply(blocks, PageMetadata.first(title, input.titleHint()), 4, false, dropped);
        List<String> paragraphs = pass.paragraphs;
        if (meta.articleBody != null && meta.articleBody.length() >= ARTICLE_BODY_MIN_CHARS
                && coverage(paragraphs, meta.articleBody) < ARTICLE_BODY_COVERAGE) {
            dropped.add("the page's own JSON-LD articleBody replaces a DOM extraction that missed most of it");
            paragraphs = lines.apply(splitLines(meta.articleBody), title, 1, false, dropped).paragraphs;
        }
        if (chars(paragraphs) < WEAK_ARTICLE_CHARS) {
            List<String> items = ItemLists.entries(doc.body(), budget);
            if (chars(items) >= ITEM_LIST_ADVANTAGE * Math.max(chars(paragraphs), WEAK_ARTICLE_CHARS / 2)) {
                dropped.add("no article: the page's largest list of items is taken, one entry each");
                paragraphs = items;
            }
        }
        title = PageMetadata.first(title, pass.wrappedTitle, headline(pass.header), input.titleHint());
        if (pass.byline != null) {
            bylines.add(pass.byline);
        }
        return new Extraction(title, List.copyOf(bylines),
                PageMetadata.first(meta.published, pass.stamp == null ? null : pass.stamp.iso(),
                        printedDate,
                        Stamps.normalizeIso(input.publishedHint())),
                PageMetadata.first(meta.siteName, pass.site), PageMetadata.first(meta.language, input.languageHint()),
                PageMetadata.first(meta.canonicalUrl, input.urlHint()), meta.description, paragraphs, dropped, null);
    }

    private static int chars(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    private Extraction fromText(String content, RawInput input, List<String> dropped, Budget budget) {
        List<Block> blocks = splitLines(content);
        budget.check();
        LinePass.Result pass = lines.apply(blocks, input.titleHint(), 6, true, dropped);
        String title = PageMetadata.first(pass.wrappedTitle, headline(pass.header), input.titleHint());
        return new Extraction(title, pass.byline == null ? List.of() : List.of(pass.byline),
                PageMetadata.first(pass.stamp == null ? null : pass.stamp.iso(), Stamps.normalizeIso(input.publishedHint())),
                pass.site, input.languageHint(), input.urlHint(), null, pass.paragraphs, dropped, null);
    }

    /** The first header line shaped like a headline: a few words, not a sentence, not a list of tags. */
    private static String headline(List<String> header) {
        for (String line : header) {
            int words = LinePass.words(line);
            if (words >= 3 && words <= 30 && !line.endsWith(".") && !line.contains(" / ")) {
                return line;
            }
        }
        return null;
    }

    /** How much of the reference text's vocabulary the paragraphs contain. */
    private static double coverage(List<String> paragraphs, String reference) {
        Set<String> have = new HashSet<>();
        for (String p : paragraphs) {
            for (String w : p.toLowerCase(Locale.ROOT).split("\\W+")) {
                have.add(w);
            }
        }
        int total = 0;
        int found = 0;
        for (String w : reference.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            if (have.contains(w)) {
                found++;
            }
        }
        return total == 0 ? 1 : (double) found / total;
    }

    private static List<Block> splitLines(String content) {
        List<Block> out = new ArrayList<>();
        for (String line : content.split("\\R")) {
            String text = normalize(line);
            if (!text.isEmpty()) {
                out.add(Block.of(text));
            }
        }
        return out;
    }

    /** Runs of whitespace (zero-width and non-breaking spaces included) become one space; the ends are trimmed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        StringBuilder out = null;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (out == null) {
                boolean plainSpace = c == ' ' && i > 0 && i + 1 < n && !isSpace(text.charAt(i - 1)) && !isSpace(text.charAt(i + 1));
                if (!space || plainSpace) {
                    continue;
                }
                out = new StringBuilder(n);
                out.append(text, 0, i);
            }
            if (space) {
                pendingSpace = true;
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b' || c == '\u200c' || c == '\u200d'
                || c == '\ufeff' || Character.isSpaceChar(c);
    }
}
