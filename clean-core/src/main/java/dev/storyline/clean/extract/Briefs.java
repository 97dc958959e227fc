package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.storyline.contracts.Usable;

/**
 * Turns what the extractor found into the article the pipeline carries. An item with too little to be a page
 * (a headline, a headline and a summary, a short wire flash) is a brief: it is made of what it has, its title and
 * its lead, taken from the extractor's paragraphs, or else from the item's own lines (plain text) or its
 * description (HTML). Only an item with neither a usable title nor any usable text is no article at all.
 */
public final class Briefs {

    /** The article as it travels on: title, lead or body, and whether it is a brief. */
    public record Article(String title, List<String> paragraphs, boolean brief) {
    }

    private final int maxBriefChars;

    /** @param maxBriefChars a body shorter than this many characters makes the article a brief */
    public Briefs(int maxBriefChars) {
        this.maxBriefChars = maxBriefChars;
    }

    /**
     * @param title the title to use (the caller's, else the extractor's); may be null
     * @return the article, or null when the item has neither a usable title nor usable text
     */
    public Article of(String title, Extraction extraction, RawInput input, boolean isHtml) {
        List<String> body = extraction.paragraphs();
        if (length(body) >= maxBriefChars) {
            return new Article(title, body, false);
        }
        List<String> lead = body.isEmpty() ? fallbackLead(extraction, input, isHtml) : body;
        lead = withoutTitle(lead, title);
        boolean usableTitle = Usable.text(title);
        if (!usableTitle && lead.stream().noneMatch(Usable::text)) {
            return null;
        }
        return new Article(usableTitle ? title : null, lead, true);
    }

    private List<String> fallbackLead(Extraction extraction, RawInput input, boolean isHtml) {
        if (isHtml) {
            return Usable.text(extraction.description()) ? List.of(normalize(extraction.description())) : List.of();
        }
        List<String> lines = new ArrayList<>();
        String content = input.content() == null ? "" : input.content();
        for (String line : content.split("\\R")) {
            String clean = normalize(line);
            if (Usable.text(clean)) {
                lines.add(clean);
            }
        }
        return length(lines) <= maxBriefChars * 4 ? lines : List.of();
    }

    private static List<String> withoutTitle(List<String> lead, String title) {
        if (title == null) {
            return lead;
        }
        String key = title.strip().toLowerCase(Locale.ROOT);
        return lead.stream().filter(p -> !p.strip().toLowerCase(Locale.ROOT).equals(key)).toList();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }
}
