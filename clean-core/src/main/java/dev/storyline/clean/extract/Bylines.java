package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The author names a page prints: {@code itemprop=author}, {@code rel=author} and author-page links, elements whose
 * class or id names an author or byline, and the text after a label such as "Written by". Labels, roles and dates
 * are stripped; what is left must be shaped like a name. Labels and non-names are data in {@code extract/bylines.txt}.
 */
final class Bylines {

    private static final Map<String, List<String>> DATA = RuleFile.sections("/extract/bylines.txt");
    private static final Pattern LABEL = Pattern.compile("^(?:" + String.join("|", DATA.get("labels").stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")\\b\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What follows a name: a role after a comma, a bar or a dash, a date, "in Section", "on Date". */
    private static final Pattern TAIL = Pattern.compile("\\s*(?:[,|•·–—]|\\s-\\s|\\bon\\s|\\bin\\s|\\bupdated\\b|\\d).*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{Lu}][\\p{L}'’.\\-]*|[\\p{Ll}]{1,3}");
    private static final Pattern AUTHOR_TOKEN = Pattern.compile("(?:^|[\\s_-])(?:author|byline|writer)(?:s)?(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_CHARS = 60;
    private static final int MAX_WORDS = 5;
    private static final int MAX_NAMES = 3;

    private Bylines() {
    }

    /** The names the page prints, in the order of the strongest signals first; at most a few. One pass. */
    static List<String> printed(Document doc) {
        if (doc.body() == null) {
            return List.of();
        }
        Set<String> declared = new LinkedHashSet<>();
        Set<String> linked = new LinkedHashSet<>();
        Set<String> classed = new LinkedHashSet<>();
        for (Element e : doc.body().getAllElements()) {
            if (e.attributesSize() == 0) {
                continue;
            }
            if (e.attr("itemprop").equals("author")) {
                Element name = e.selectFirst("[itemprop=name]");
                add(declared, name != null ? name.text() : e.text());
            } else if (e.attr("rel").equals("author") || e.nameIs("a") && isAuthorPage(e.attr("href"))) {
                add(linked, e.text());
            } else if (classed.size() < MAX_NAMES && e.childrenSize() <= 1 && (namesAnAuthor(e.className()) || namesAnAuthor(e.id()))) {
                add(classed, e.text());
            }
        }
        Set<String> names = new LinkedHashSet<>(declared);
        names.addAll(linked);
        names.addAll(classed);
        if (names.isEmpty()) {
            afterLabels(doc, names);
        }
        return new ArrayList<>(names).subList(0, Math.min(MAX_NAMES, names.size()));
    }

    private static boolean isAuthorPage(String href) {
        return href.contains("/author/") || href.contains("/authors/");
    }

    /** A cheap look for the words first; the pattern only where one occurs. */
    private static boolean namesAnAuthor(String attr) {
        if (attr.isEmpty()) {
            return false;
        }
        String lower = attr.toLowerCase(Locale.ROOT);
        return (lower.contains("author") || lower.contains("byline") || lower.contains("writer"))
                && AUTHOR_TOKEN.matcher(lower).find();
    }

    /** "Written by" and its kin, with the name in the same text or in the next one. */
    private static void afterLabels(Document doc, Set<String> names) {
        List<TextNode> texts = doc.body() == null ? List.of() : collect(doc.body());
        for (int i = 0; i < texts.size() && names.isEmpty(); i++) {
            String text = JsoupExtractor.normalize(texts.get(i).text());
            if (text.length() > MAX_CHARS || !LABEL.matcher(text).find()) {
                continue;
            }
            String rest = LABEL.matcher(text).replaceFirst("");
            if (!rest.isEmpty()) {
                add(names, text);
            } else if (i + 1 < texts.size()) {
                add(names, texts.get(i + 1).text());
            }
        }
    }

    private static List<TextNode> collect(Element root) {
        List<TextNode> out = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                out.add(t);
            }
        });
        return out;
    }

    private static void add(Set<String> names, String raw) {
        String name = clean(raw);
        if (name != null) {
            names.add(name);
        }
    }

    /**
     * The names the page declares (JSON-LD, meta), unless they are not shaped like names (a login handle) or only name
     * the site; then the names it prints.
     */
    static List<String> choose(Set<String> declared, String siteName, Document doc) {
        List<String> kept = declared.stream().filter(Bylines::looksLikeName)
                .filter(n -> siteName == null || !n.equalsIgnoreCase(siteName.strip())).toList();
        return kept.isEmpty() ? printed(doc) : kept;
    }

    /** The name in a byline text, or null when what is left is not shaped like a name. */
    static String clean(String raw) {
        String t = JsoupExtractor.normalize(raw);
        if (t.isEmpty() || t.length() > MAX_CHARS * 2) {
            return null;
        }
        t = LABEL.matcher(t).replaceFirst("");
        t = TAIL.matcher(t).replaceFirst("").strip();
        return looksLikeName(t) ? t : null;
    }

    /** A person's name, or an organisation's: one to five words, each capitalised (particles aside), no digits. */
    static boolean looksLikeName(String t) {
        if (t.isEmpty() || t.length() > MAX_CHARS || DATA.get("not-names").contains(t.toLowerCase(Locale.ROOT).strip())) {
            return false;
        }
        String[] words = t.split("\\s+");
        if (words.length > MAX_WORDS) {
            return false;
        }
        boolean capital = false;
        for (String w : words) {
            if (!NAME_WORD.matcher(w).matches()) {
                return false;
            }
            capital |= Character.isUpperCase(w.charAt(0));
        }
        return capital;
    }
}
