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

    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s_-]+");
    /** Lines longer than these are prose, not furniture: the patterns are not tried on them. */
    private static final int MAX_FURNITURE_LINE = 600;
    private static final int MAX_WRAPPER_LINE = 1000;

    private final Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);
    private final Map<Kind, Pattern> combined = new EnumMap<>(Kind.class);
    private final Map<Kind, Words> words = new EnumMap<>(Kind.class);

    /** Class/id words: single tokens, and sequences of tokens for entries written with '-'. */
    /** Lower-case tokens split at whitespace, '-' and '_' (no regex: this runs for every element of a page). */
    static String[] tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean separator = c == '-' || c == '_' || Character.isWhitespace(c);
            if (separator) {
                if (start >= 0) {
                    out.add(s.substring(start, i).toLowerCase(java.util.Locale.ROOT));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }

    private static final class Words {
        final java.util.Set<String> singles = new java.util.HashSet<>();
        final List<String[]> sequences = new ArrayList<>();

        void add(String entry) {
            String[] tokens = TOKEN_SEPARATORS.split(entry.toLowerCase(java.util.Locale.ROOT));
            if (tokens.length == 1) {
                singles.add(tokens[0]);
            } else {
                sequences.add(tokens);
            }
        }

        boolean matches(String classAndId) {
            String[] tokens = tokens(classAndId);
            for (int i = 0; i < tokens.length; i++) {
                if (singles.contains(tokens[i])) {
                    return true;
                }
                for (String[] seq : sequences) {
                    if (i + seq.length <= tokens.length && java.util.Arrays.equals(tokens, i, i + seq.length, seq, 0,
                            seq.length)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private FurniturePatterns() {
        for (Kind k : Kind.values()) {
            patterns.put(k, new ArrayList<>());
        }
        words.put(Kind.ATTR, new Words());
        words.put(Kind.CONTENT, new Words());
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
            String value = line.substring(tab + 1).strip();
            if (kind == Kind.ATTR || kind == Kind.CONTENT) {
                for (String entry : value.split("\\s+")) {
                    p.words.get(kind).add(entry);
                }
            } else {
                p.patterns.get(kind).add(Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        p.combineWholeLinePatterns();
        return p;
    }

    /**
     * The whole-line kinds are tried as one alternation each: one matcher a line instead of one a pattern. Their
     * patterns carry no named groups, so they combine safely.
     */
    private void combineWholeLinePatterns() {
        for (Kind kind : new Kind[] { Kind.LINE, Kind.CAPTION, Kind.STOP }) {
            List<Pattern> list = patterns.get(kind);
            if (list.isEmpty() || list.stream().anyMatch(x -> x.pattern().contains("(?<"))) {
                continue;
            }
            String alternation = String.join("|", list.stream().map(x -> "(?:" + x.pattern() + ")").toList());
            combined.put(kind, Pattern.compile(alternation, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    public boolean isFurnitureAttribute(String classAndId) {
        return !classAndId.isBlank() && words.get(Kind.ATTR).matches(classAndId);
    }

    public boolean isContentAttribute(String classAndId) {
        return !classAndId.isBlank() && words.get(Kind.CONTENT).matches(classAndId);
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
        if (text.length() > MAX_WRAPPER_LINE) {
            return null;
        }
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

    private boolean whole(Kind kind, String text) {
        String t = text.strip();
        if (t.length() > MAX_FURNITURE_LINE) {
            return false;
        }
        Pattern all = combined.get(kind);
        if (all != null) {
            return all.matcher(t).matches();
        }
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
