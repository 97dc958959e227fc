package dev.storyline.clean.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The page's title as a reader sees it: its visible headline ({@code <h1>}) when there is a plausible one, else the
 * title the page declares (JSON-LD headline, {@code og:title}) or its {@code <title>}, each without the site name
 * pages append or prepend and with HTML entities a CMS escaped twice decoded.
 */
final class Titles {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|–—·»:\\-/]{1,2}\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_HEADLINE_WORDS = 40;
    /** A headline this short ("Blog", "Our news") that the declared title does not contain is a section name. */
    private static final int MIN_LONE_HEADLINE_WORDS = 3;

    private Titles() {
    }

    static String choose(Document doc, PageMetadata meta, String url) {
        List<String> site = siteNames(meta.siteName, url != null ? url : meta.canonicalUrl);
        String declared = stripSite(decode(meta.title), site);
        String titleTag = stripSite(decode(doc.title()), site);
        String headline = headline(doc, site);
        String named = PageMetadata.first(declared, titleTag);
        if (headline == null || named != null && LinePass.words(headline) < MIN_LONE_HEADLINE_WORDS
                && !key(named).contains(key(headline))) {
            return named != null ? named : headline;
        }
        return headline;
    }

    /** The first {@code <h1>} of the article (or of the main part, or of the page) outside header, nav and footer. */
    private static String headline(Document doc, List<String> site) {
        for (String scope : new String[] { "article h1", "main h1", "[role=main] h1", "h1" }) {
            for (Element h1 : doc.select(scope)) {
                if (inChrome(h1)) {
                    continue;
                }
                String text = JsoupExtractor.normalize(h1.text());
                int words = LinePass.words(text);
                if (words >= 1 && words <= MAX_HEADLINE_WORDS && !site.contains(key(text))) {
                    return text;
                }
            }
        }
        return null;
    }

    private static boolean inChrome(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("header") && p.parents().stream().noneMatch(a -> a.normalName().equals("article"))
                    || tag.equals("nav") || tag.equals("footer") || tag.equals("aside")) {
                return true;
            }
        }
        return false;
    }

    /** Drops the segments, split at a spaced separator, that name the site; of what is left, the longest. */
    static String stripSite(String title, List<String> site) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String[] parts = SEPARATOR.split(title);
        if (parts.length == 1) {
            return title;
        }
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!site.contains(key(part))) {
                kept.add(part);
            }
        }
        if (kept.size() == parts.length && kept.size() > 1) {
            return longest(kept);
        }
        return kept.isEmpty() ? title : rejoin(title, kept);
    }

    /** The kept segments in their original order and with their original separators. */
    private static String rejoin(String title, List<String> kept) {
        int from = title.indexOf(kept.get(0));
        String last = kept.get(kept.size() - 1);
        int to = title.lastIndexOf(last) + last.length();
        return from >= 0 && to > from ? title.substring(from, to).strip() : String.join(" ", kept);
    }

    private static String longest(List<String> parts) {
        String best = parts.get(0);
        for (String p : parts) {
            if (p.length() > best.length()) {
                best = p;
            }
        }
        return best;
    }

    /** The site's name as declared, and its domain's label ({@code www.example.co.uk} gives {@code example}). */
    private static List<String> siteNames(String declared, String url) {
        List<String> names = new ArrayList<>();
        if (declared != null) {
            names.add(key(declared));
        }
        try {
            String host = url == null ? null : URI.create(url.trim()).getHost();
            if (host != null) {
                String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
                for (String label : labels) {
                    if (!label.equals("www") && label.length() > 3) {
                        names.add(key(label));
                        break;
                    }
                }
            }
        } catch (IllegalArgumentException badUrl) {
            // no domain to compare with
        }
        return names;
    }

    /** Letters and digits only, lower case: "The Currency" and "thecurrency" compare equal. */
    private static String key(String s) {
        return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String decode(String s) {
        if (s == null) {
            return null;
        }
        String t = s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s;
        t = JsoupExtractor.normalize(t);
        return t.isEmpty() ? null : t;
    }
}
