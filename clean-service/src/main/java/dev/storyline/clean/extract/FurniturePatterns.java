package dev.storyline.clean.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Site furniture recognised by shape, kept as data ({@code extract/furniture.txt}): each line is
 * {@code kind<TAB>regex}. Kinds: {@code line} matches a whole paragraph or line of furniture, {@code attr} matches
 * a class or id that marks a non-content element, {@code stop} marks a line after which the article is over
 * (related lists, comment forms). Patterns describe kinds of furniture in several languages, never one site.
 */
public final class FurniturePatterns {

    private final List<Pattern> lines = new ArrayList<>();
    private final List<Pattern> attrs = new ArrayList<>();
    private final List<Pattern> stops = new ArrayList<>();

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
            Pattern pattern = Pattern.compile(line.substring(tab + 1).strip(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            switch (line.substring(0, tab).strip()) {
                case "line" -> p.lines.add(pattern);
                case "attr" -> p.attrs.add(pattern);
                case "stop" -> p.stops.add(pattern);
                default -> throw new IllegalArgumentException("furniture.txt line " + number + ": unknown kind");
            }
        }
        return p;
    }

    public boolean isFurnitureLine(String text) {
        return matchesAny(lines, text);
    }

    public boolean isStopLine(String text) {
        return matchesAny(stops, text);
    }

    public boolean isFurnitureAttribute(String classOrId) {
        return !classOrId.isEmpty() && attrs.stream().anyMatch(p -> p.matcher(classOrId).find());
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        String t = text.strip();
        for (Pattern p : patterns) {
            if (p.matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }
}
