package dev.storyline.clean.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The publication date a page prints but does not declare: a short stamp near its headline ({@code Dec 12, 2025},
 * {@code 9. Februar 2016}, {@code 12.12.2025}), a date in its URL path ({@code /2016/02/09/}), or a publication key
 * in its scripts' state. Month names come from {@code java.time} for the page's language and the languages in
 * {@code extract/dates.txt}; an update stamp counts only when no publication stamp is printed.
 */
final class VisibleDates {

    private static final Map<String, List<String>> DATA = RuleFile.sections("/extract/dates.txt");
    private static final int MAX_STAMP_CHARS = 80;
    /** Text nodes looked at before and after the headline. */
    private static final int BEFORE = 30;
    private static final int AFTER = 60;
    private static final int MIN_YEAR = 1990;
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(?:(?<y1>\\d{4})[-/.](?<m1>\\d{1,2})[-/.](?<d1>\\d{1,2})|(?<a>\\d{1,2})([./])(?<b>\\d{1,2})\\5(?<y2>\\d{4}))(?!\\d)");
    private static final Pattern URL_DATE = Pattern.compile("/(?<y>(?:19|20)\\d{2})/(?<m>\\d{1,2})/(?<d>\\d{1,2})(?:/|$)");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\"(" + String.join("|", DATA.get("script-keys"))
            + ")\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})");

    /** Month-name patterns are built once per language. */
    private static final Map<String, VisibleDates> BY_LANGUAGE = new java.util.concurrent.ConcurrentHashMap<>();

    private final Pattern named;
    private final Map<String, Integer> months;
    private final boolean monthFirstNumbers;

    private VisibleDates(String language) {
        months = new LinkedHashMap<>();
        List<String> langs = new ArrayList<>(DATA.get("languages"));
        if (language != null && !langs.contains(language)) {
            langs.add(0, language);
        }
        for (String lang : langs) {
            Locale locale = Locale.forLanguageTag(lang);
            for (Month m : Month.values()) {
                for (TextStyle style : new TextStyle[] { TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE,
                        TextStyle.SHORT_STANDALONE }) {
                    String name = m.getDisplayName(style, locale).toLowerCase(locale).replace(".", "");
                    if (name.length() >= 3 && !name.chars().allMatch(Character::isDigit)) {
                        months.putIfAbsent(name, m.getValue());
                    }
                }
            }
        }
        months.putIfAbsent("sept", 9);
        String names = String.join("|", months.keySet().stream().sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote).toList());
        named = Pattern.compile("(?<!\\p{L})(?:(?<mon1>" + names + ")\\.?\\s+(?<day1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year1>\\d{4})"
                + "|(?<day2>\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s+(?:de\\s+)?(?<mon2>" + names + ")\\.?,?\\s+(?:de\\s+)?(?<year2>\\d{4}))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        monthFirstNumbers = language == null || language.equals("en");
    }

    /** The date the page prints, as {@code yyyy-MM-dd}, or null. */
    static String find(Document doc, String language, String url) {
        VisibleDates dates = BY_LANGUAGE.computeIfAbsent(language == null ? "" : language,
                l -> new VisibleDates(l.isEmpty() ? null : l));
        String printed = dates.nearHeadline(doc);
        if (printed != null) {
            return printed;
        }
        String inUrl = url == null ? null : dates.inUrl(url);
        return inUrl != null ? inUrl : inScripts(doc);
    }

    private String nearHeadline(Document doc) {
        List<TextNode> texts = new ArrayList<>();
        int[] headline = { -1 };
        Element h1 = doc.selectFirst("h1");
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node == h1) {
                    headline[0] = texts.size();
                }
                if (node instanceof TextNode t && !t.isBlank() && !inScriptOrStyle(t)) {
                    texts.add(t);
                }
            }
        }, doc.body() == null ? doc : doc.body());
        if (headline[0] < 0) {
            return null;
        }
        String update = null;
        for (int i = Math.max(0, headline[0] - BEFORE); i < Math.min(texts.size(), headline[0] + AFTER); i++) {
            String text = JsoupExtractor.normalize(texts.get(i).text());
            if (text.length() > MAX_STAMP_CHARS) {
                continue;
            }
            String date = parse(text);
            if (date == null) {
                continue;
            }
            if (!isUpdate(text, i > 0 ? texts.get(i - 1).text() : "")) {
                return date;
            }
            if (update == null) {
                update = date;
            }
        }
        return update;
    }

    private static boolean inScriptOrStyle(TextNode t) {
        Node parent = t.parent();
        return parent instanceof Element p && (p.normalName().equals("script") || p.normalName().equals("style"));
    }

    /** The stamp, or the text just before it ("Last updated:" in a label of its own), says it is an update. */
    private static boolean isUpdate(String text, String before) {
        String lower = (before + " " + text).toLowerCase(Locale.ROOT);
        return DATA.get("updated").stream().anyMatch(lower::contains);
    }

    String parse(String text) {
        Matcher m = named.matcher(text);
        if (m.find()) {
            boolean monthFirst = m.group("mon1") != null;
            Integer month = months.get((monthFirst ? m.group("mon1") : m.group("mon2")).toLowerCase(Locale.ROOT));
            return date(monthFirst ? m.group("year1") : m.group("year2"), month,
                    monthFirst ? m.group("day1") : m.group("day2"));
        }
        Matcher n = NUMERIC.matcher(text);
        if (n.find()) {
            if (n.group("y1") != null) {
                return date(n.group("y1"), Integer.parseInt(n.group("m1")), n.group("d1"));
            }
            int a = Integer.parseInt(n.group("a"));
            int b = Integer.parseInt(n.group("b"));
            boolean usOrder = n.group(5).equals("/") && monthFirstNumbers;
            return date(n.group("y2"), usOrder ? a : b, Integer.toString(usOrder ? b : a));
        }
        return null;
    }

    private String inUrl(String url) {
        Matcher m = URL_DATE.matcher(url);
        return m.find() ? date(m.group("y"), Integer.parseInt(m.group("m")), m.group("d")) : null;
    }

    private static String inScripts(Document doc) {
        for (Element script : doc.getElementsByTag("script")) {
            Matcher m = SCRIPT_KEY.matcher(script.data());
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group(2)).toString();
                } catch (DateTimeException e) {
                    // not a calendar date
                }
            }
        }
        return null;
    }

    private static String date(String year, Integer month, String day) {
        if (month == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
            return d.getYear() < MIN_YEAR || d.isAfter(LocalDate.now().plusDays(2)) ? null : d.toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
