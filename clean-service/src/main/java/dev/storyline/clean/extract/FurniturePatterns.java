package dev.storyline.clean.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Site furniture recognised by shape, kept as data in {@code extract/furniture.txt} (see the kinds described
 * there). Patterns describe kinds of furniture in several languages, never one site or one document.
 */
public final class FurniturePatterns {

    enum Kind { ATTR, CONTENT, LINE, CAPTION, STOP, WRAP, LEAD, CREDIT }

    /** A wrapper sentence and what it told us. */
    public record Wrap(String title, String site) {
    }

    private final Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);

    private FurniturePatterns() {
        for (Kind k : Kind.values()) {
            patterns.put(k, new ArrayList<>());
        }
    }

    public static FurniturePatterns load() {
        try (InputStream in = FurniturePatterns.class.getResourceAsStream("/extract/furniture.txt")) {
            if (in == null) {
                throw new IllegalStateException("extract/furniture.txt is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FurniturePatterns parse(InputStream in) throws IOException {
        FurniturePatterns p = new FurniturePatterns();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("furniture.txt line " + number + ": expected kind<TAB>regex");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(line.substring(0, tab).strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("furniture.txt line " + number + ": unknown kind", e);
            }
            p.patterns.get(kind).add(Pattern.compile(line.substring(tab + 1).strip(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return p;
    }

    public boolean isFurnitureAttribute(String classAndId) {
        return find(Kind.ATTR, classAndId);
    }

    public boolean isContentAttribute(String classAndId) {
        return find(Kind.CONTENT, classAndId);
    }

    public boolean isFurnitureLine(String text) {
        return whole(Kind.LINE, text);
    }

    public boolean isCaption(String text) {
        return whole(Kind.CAPTION, text);
    }

    public boolean isStopLine(String text) {
        return whole(Kind.STOP, text);
    }

    /** The wrapper sentence this line is, or null. */
    public Wrap wrap(String text) {
        for (Pattern p : patterns.get(Kind.WRAP)) {
            Matcher m = p.matcher(text.strip());
            if (m.matches()) {
                return new Wrap(group(m, "title"), group(m, "site"));
            }
        }
        return null;
    }

    /** {byline, rest} when a byline and place are glued before the lede's dateline, else null. */
    public String[] splitLead(String paragraph) {
        for (Pattern p : patterns.get(Kind.LEAD)) {
            Matcher m = p.matcher(paragraph);
            if (m.find() && m.start() == 0) {
                return new String[] { group(m, "byline"), paragraph.substring(m.end()) };
            }
        }
        return null;
    }

    /** The paragraph without an agency credit glued to its end. */
    public String stripCredit(String paragraph) {
        for (Pattern p : patterns.get(Kind.CREDIT)) {
            Matcher m = p.matcher(paragraph);
            if (m.find()) {
                return paragraph.substring(0, m.start());
            }
        }
        return paragraph;
    }

    private boolean find(Kind kind, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        for (Pattern p : patterns.get(kind)) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean whole(Kind kind, String text) {
        String t = text.strip();
        for (Pattern p : patterns.get(kind)) {
            if (p.matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? null : g.strip();
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
