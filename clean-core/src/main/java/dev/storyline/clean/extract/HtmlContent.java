package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the article in a page's DOM and returns its text blocks in order. Non-content elements go first (scripts,
 * hidden parts, and navigation, asides, footers, forms and furniture-classed elements that hold only a small part
 * of the page's text). Then every paragraph scores its ancestors (length, commas), candidates are weighed by tag,
 * class hints and link density, the best one is taken with the siblings that score like it, and its text is cut
 * into blocks at block-level boundaries.
 */
final class HtmlContent {

    /** Never article text. */
    private static final Set<String> NOISE_TAGS = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "embed", "canvas", "select", "input", "textarea", "button", "link", "meta", "amp-ad", "amp-embed",
            "amp-analytics");
    /** Page structure that is furniture unless it holds a large share of the text. */
    private static final Set<String> STRUCTURAL_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu",
            "dialog");
    private static final Set<String> STRUCTURAL_ROLES = Set.of("navigation", "complementary", "banner", "contentinfo",
            "search");
    private static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "table", "tbody", "thead", "tr",
            "td", "th", "header", "footer", "figure", "figcaption", "hr", "address", "center", "details", "summary",
            "caption", "form", "fieldset", "nav", "aside");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "li", "dd");
    /** Below this share of the page's paragraph text, a furniture-looking element is removed. */
    private static final double FURNITURE_SHARE = 0.4;
    /** The score a content-like class adds, in full from this much paragraph text on. */
    private static final double CONTENT_CLASS_BONUS = 25;
    private static final double CONTENT_BONUS_FULL_CHARS = 500;
    /** A hidden element holding more than this share of the page's text (and at least so many chars) is kept. */
    private static final double HIDDEN_PAGE_SHARE = 0.5;
    private static final int MIN_HIDDEN_PAGE_CHARS = 500;
    /** When removing the furniture-classed elements would leave less text than this, their classes are not trusted. */
    private static final int MIN_TEXT_LEFT = 300;
    /** Non-whitespace characters a paragraph needs to score its ancestors. */
    private static final int MIN_PARAGRAPH = 20;
    private static final double CLIMB_RATIO = 1.3;
    private static final int MAX_CLIMB = 6;
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0]*\\n");
    private static final Set<String> TEXT_CONTAINERS = Set.of("body", "div", "section", "article", "main", "center");

    private final FurniturePatterns furniture;

    HtmlContent(FurniturePatterns furniture) {
        this.furniture = furniture;
    }

    List<Block> blocks(Element body, List<String> dropped, Budget budget) {
        // One pass sorts the elements: noise (always removed), structural furniture, and classed elements.
        List<Element> noise = new ArrayList<>();
        List<Element> structural = new ArrayList<>();
        List<Element> classed = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.check();
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (isNoise(e)) {
                    noise.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e != body && (STRUCTURAL_TAGS.contains(e.normalName()) || STRUCTURAL_ROLES.contains(e.attr("role")))) {
                    structural.add(e);
                }
                if (e != body && (e.hasAttr("class") || e.hasAttr("id"))) {
                    classed.add(e);
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        int removed = 0;
        for (Element e : noise) {
            if (!holdsThePage(e, body)) {
                e.remove();
                removed++;
            }
        }
        TextStats before = TextStats.of(body, budget);
        double pageText = Math.max(1, before.paragraphText(body));
        for (Element e : structural) {
            budget.check();
            if (e.parent() != null && before.paragraphText(e) < FURNITURE_SHARE * pageText) {
                before.remove(e);
                e.remove();
                removed++;
            }
        }
        List<Element> furnitureClassed = furnitureClassed(body, classed, before, pageText, budget);
        for (Element e : furnitureClassed) {
            before.remove(e);
            e.remove();
            removed++;
        }
        if (removed > 0) {
            dropped.add("removed " + removed + " non-content elements");
        }
        List<Element> content = choose(body, before, budget);
        List<Block> blocks = new ArrayList<>();
        Walker walker = new Walker(blocks, budget);
        for (Element e : content) {
            walker.walk(e);
        }
        return blocks;
    }

    /**
     * The classed elements that look like furniture (outermost only), unless removing them would leave next to no
     * text: then the page's class names do not mark furniture (every section of some builders carries a
     * furniture-looking class), and none is removed.
     */
    private List<Element> furnitureClassed(Element body, List<Element> classed, TextStats stats, double pageText,
            Budget budget) {
        Set<Element> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, Boolean> verdicts = new java.util.HashMap<>();
        List<Element> out = new ArrayList<>();
        int text = 0;
        for (Element e : classed) {
            budget.check();
            if (looksLikeFurniture(hints(e), verdicts)
                    && stats.paragraphText(e) < FURNITURE_SHARE * pageText && stillOnThePage(e, body, chosen)) {
                chosen.add(e);
                out.add(e);
                text += stats.text(e);
            }
        }
        return stats.text(body) - text < MIN_TEXT_LEFT && text > 0 ? List.of() : out;
    }

    /** Furniture by its class and id, not content; pages repeat the same class strings, so each is judged once. */
    private boolean looksLikeFurniture(String hints, Map<String, Boolean> verdicts) {
        Boolean v = verdicts.get(hints);
        if (v == null) {
            v = furniture.isFurnitureAttribute(hints) && !furniture.isContentAttribute(hints);
            verdicts.put(hints, v);
        }
        return v;
    }

    /** In the body, and not inside an element already chosen for removal. */
    private static boolean stillOnThePage(Element e, Element body, Set<Element> chosen) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (chosen.contains(a)) {
                return false;
            }
            if (a == body) {
                return true;
            }
        }
        return false;
    }

    /** The best-scoring candidate and the siblings that belong with it. */
    private List<Element> choose(Element body, TextStats stats, Budget budget) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : body.getAllElements()) {
            budget.check();
            if (!isParagraph(p, stats)) {
                continue;
            }
            int length = stats.text(p);
            if (length < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + stats.commas(p) + Math.min(length / 100.0, 3);
            Element ancestor = p.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.merge(ancestor, initial(ancestor, stats) + score * share, (old, add) -> old + score * share);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            budget.check();
            double s = e.getValue() * (1 - stats.linkDensity(e.getKey()));
            e.setValue(s);
            if (s > topScore) {
                topScore = s;
                top = e.getKey();
            }
        }
        if (top == null || top == body) {
            return List.of(body);
        }
        // An article split into several containers (around figures, ads, pull quotes): climb while an ancestor
        // holds clearly more paragraph text than the candidate and is not itself mostly links. Plain wrappers (same
        // text) are passed through on the way up.
        Element climbed = top;
        int level = 0;
        for (Element a = top.parent(); a != null && a != body && level < MAX_CLIMB; a = a.parent(), level++) {
            if (stats.linkDensity(a) >= 0.3) {
                break;
            }
            if (stats.paragraphText(a) >= CLIMB_RATIO * stats.paragraphText(climbed)) {
                climbed = a;
            }
        }
        if (climbed != top) {
            top = climbed;
            topScore = Math.max(topScore, scores.getOrDefault(top, topScore));
        }
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        List<Element> chosen = new ArrayList<>();
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                chosen.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            Double s = scores.get(sibling);
            if (s != null && s + bonus >= threshold) {
                chosen.add(sibling);
            } else if (sibling.nameIs("p")) {
                String text = sibling.text();
                double ld = stats.linkDensity(sibling);
                if ((text.length() > 80 && ld < 0.25)
                        || (text.length() > 0 && ld == 0 && text.matches("(?s).*[.!?。]\\s*$"))) {
                    chosen.add(sibling);
                }
            }
        }
        return chosen;
    }

    /**
     * What an element's tag and class say before its paragraphs vote. A content-like class earns its full bonus only
     * on an element holding some text: a page builder's "text-content" wrapper around one short line is not the
     * article.
     */
    private double initial(Element e, TextStats stats) {
        double s = switch (e.normalName()) {
            case "article", "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String hints = hints(e);
        if (furniture.isContentAttribute(hints)) {
            s += CONTENT_CLASS_BONUS * Math.min(1, stats.paragraphText(e) / CONTENT_BONUS_FULL_CHARS);
        }
        if (furniture.isFurnitureAttribute(hints)) {
            s -= 25;
        }
        return s;
    }

    private static boolean isParagraph(Element e, TextStats stats) {
        String tag = e.normalName();
        if (PARAGRAPH_TAGS.contains(tag)) {
            return true;
        }
        return (tag.equals("div") || tag.equals("section") || tag.equals("article")) && stats.ownText(e) >= MIN_PARAGRAPH;
    }

    /**
     * A hidden element that holds most of the page's text is the page, not noise: pages streamed by a JavaScript
     * framework keep their content in a hidden container until it is shown, and forums serve their crawler view of
     * a thread in {@code <noscript>}.
     */
    private static boolean holdsThePage(Element e, Element body) {
        if (NOISE_TAGS.contains(e.normalName()) && !e.normalName().equals("noscript")) {
            return false;
        }
        int hidden = e.text().length();
        return hidden >= MIN_HIDDEN_PAGE_CHARS && hidden > HIDDEN_PAGE_SHARE * body.text().length();
    }

    private static boolean isNoise(Element e) {
        if (NOISE_TAGS.contains(e.normalName()) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && DISPLAY_NONE.matcher(style).find();
    }

    private static String hints(Element e) {
        return e.className() + " " + e.id();
    }

    /**
     * Cuts a subtree into blocks at block-level boundaries and line breaks, in document order. Iterative (a
     * {@link NodeFilter}), so nesting depth costs no stack.
     */
    private static final class Walker implements NodeFilter {
        private final List<Block> out;
        private final Budget budget;
        private final StringBuilder text = new StringBuilder();
        private int linkChars;
        private int linkDepth;
        private boolean heading;

        Walker(List<Block> out, Budget budget) {
            this.out = out;
            this.budget = budget;
        }

        void walk(Element root) {
            NodeTraversor.filter(this, root);
            flush();
        }

        @Override
        public FilterResult head(Node node, int depth) {
            budget.check();
            if (node instanceof TextNode t) {
                appendText(t);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (tag.equals("br")) {
                flush();
                return FilterResult.CONTINUE;
            }
            if (tag.equals("figcaption") || tag.equals("caption")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCK_TAGS.contains(tag)) {
                flush();
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                heading = true;
            }
            if (tag.equals("a")) {
                linkDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.normalName().equals("a")) {
                    linkDepth--;
                }
                if (BLOCK_TAGS.contains(e.normalName())) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(TextNode t) {
            String s = t.getWholeText();
            if (looseText(t) && BLANK_LINE.matcher(s).find()) {
                // Text loose in a container, as flattened pages and escaped markup leave it: blank lines part
                // paragraphs there.
                String[] parts = BLANK_LINE.split(s, -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        flush();
                    }
                    text.append(parts[i]);
                }
                return;
            }
            text.append(s);
            if (linkDepth > 0) {
                linkChars += s.strip().length();
            }
        }

        private static boolean looseText(TextNode t) {
            Node parent = t.parent();
            return parent instanceof Element e && TEXT_CONTAINERS.contains(e.normalName());
        }

        void flush() {
            String normalized = JsoupExtractor.normalize(text.toString());
            if (!normalized.isEmpty()) {
                out.add(new Block(normalized, heading, Math.min(1, (double) linkChars / normalized.length())));
            }
            text.setLength(0);
            linkChars = 0;
            heading = false;
        }
    }
}
