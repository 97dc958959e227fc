package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paragraph-by-paragraph pass that HTML blocks and flattened text share. It splits the blocks into a header
 * (headline, breadcrumbs, standfirst, tags, captions, stamps: everything before the first real paragraph), the
 * body, and what follows a stop line; it drops furniture, captions and aggregator wrappers, unglues a byline from
 * the lede and an agency credit from the last paragraph, and remembers what the dropped lines said (headline,
 * site, dates).
 */
final class LinePass {

    /** Short lines repeat legitimately (list items, recipe steps); long identical paragraphs are copies. */
    private static final int MIN_DEDUPE_CHARS = 120;
    private static final Pattern TERMINAL = Pattern.compile("(?s).*[.!?。！？…\"”’»)\\]:;]$");

    /** Paragraphs and what the pass learnt on the way. */
    static final class Result {
        final List<String> paragraphs = new ArrayList<>();
        final List<String> header = new ArrayList<>();
        String wrappedTitle;
        String site;
        String byline;
        Stamps.Found stamp;
    }

    private final FurniturePatterns furniture;

    LinePass(FurniturePatterns furniture) {
        this.furniture = furniture;
    }

    /**
     * @param minLeadWords how many words the first body paragraph needs (flattened text, where headers look like
     *                     prose, asks for more than HTML)
     * @param dropUnpunctuated whether long lines without closing punctuation inside the body are captions
     */
    Result apply(List<Block> blocks, String knownTitle, int minLeadWords, boolean dropUnpunctuated,
            List<String> dropped) {
        Result r = new Result();
        boolean inBody = false;
        Set<String> seen = new LinkedHashSet<>();
        String title = knownTitle == null ? null : JsoupExtractor.normalize(knownTitle);
        boolean skippingBox = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            if (skippingBox) {
                if (!isSolidProse(block)) {
                    dropped.add("inside a related box: " + abbreviate(text));
                    continue;
                }
                skippingBox = false;
            }
            noteStamp(r, text);
            FurniturePatterns.Wrap wrap = furniture.wrap(text);
            if (wrap != null) {
                r.wrappedTitle = r.wrappedTitle == null ? wrap.title() : r.wrappedTitle;
                r.site = r.site == null ? wrap.site() : r.site;
                dropped.add("aggregator wrapper: " + abbreviate(text));
                continue;
            }
            if (inBody && furniture.isStopLine(text)) {
                if (!dropUnpunctuated && i + 1 < blocks.size() && !isSolidProse(blocks.get(i + 1))
                        && solidProseAfter(blocks, i) >= 2) {
                    // In a page, a "Related" box can sit inside the article: skip the box, keep the article.
                    dropped.add("related box inside the article: " + abbreviate(text));
                    skippingBox = true;
                    continue;
                }
                dropped.add("end of article at: " + abbreviate(text));
                break;
            }
            if (furniture.isFurnitureLine(text)) {
                dropped.add("furniture: " + abbreviate(text));
                continue;
            }
            if (furniture.isCaption(text)) {
                dropped.add("caption: " + abbreviate(text));
                continue;
            }
            if (text.equals(title)) {
                dropped.add("headline repeated in body");
                continue;
            }
            if (block.linkDensity() > 0.5 && text.length() < 300) {
                dropped.add("link list: " + abbreviate(text));
                continue;
            }
            if (!inBody) {
                if (block.heading() || !(isProse(text, minLeadWords) || (!dropUnpunctuated && words(text) >= 12))) {
                    r.header.add(text);
                    dropped.add("header: " + abbreviate(text));
                    continue;
                }
                inBody = true;
            } else if (dropUnpunctuated && !block.heading() && words(text) > 8
                    && !TERMINAL.matcher(furniture.stripCredit(text)).matches()) {
                dropped.add("caption or teaser: " + abbreviate(text));
                continue;
            }
            if (text.length() >= MIN_DEDUPE_CHARS && !seen.add(text)) {
                dropped.add("repeated paragraph: " + abbreviate(text));
                continue;
            }
            r.paragraphs.add(text);
        }
        if (r.paragraphs.isEmpty() && !r.header.isEmpty()) {
            // Nothing looked like a body: a short item. Keep what is not its headline.
            r.paragraphs.addAll(r.header.size() > 1 ? r.header.subList(1, r.header.size()) : r.header);
            dropped.add("no paragraph looked like a body; kept the header lines");
        }
        trimTrailingHeadings(r.paragraphs);
        if (!r.paragraphs.isEmpty()) {
            String[] lead = furniture.splitLead(r.paragraphs.get(0));
            if (lead != null) {
                r.byline = lead[0];
                r.paragraphs.set(0, lead[1]);
                dropped.add("byline glued to the lede: " + lead[0]);
            }
            int last = r.paragraphs.size() - 1;
            String unCredited = furniture.stripCredit(r.paragraphs.get(last));
            if (!unCredited.equals(r.paragraphs.get(last))) {
                dropped.add("credit glued to the last paragraph: " + r.paragraphs.get(last).substring(unCredited.length()).strip());
                r.paragraphs.set(last, unCredited);
            }
        }
        return r;
    }

    /** A heading with nothing after it belongs to whatever was cut off, not to the article. */
    private static void trimTrailingHeadings(List<String> paragraphs) {
        while (!paragraphs.isEmpty() && words(paragraphs.get(paragraphs.size() - 1)) <= 8
                && !TERMINAL.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
    }

    private static void noteStamp(Result r, String text) {
        if (text.length() > 160) {
            return;
        }
        Stamps.Found found = Stamps.inLine(text);
        if (found != null && (r.stamp == null || (found.published() && !r.stamp.published())
                || (found.published() == r.stamp.published() && found.iso().length() > r.stamp.iso().length()))) {
            r.stamp = found;
        }
    }

    /** A paragraph no related box or teaser looks like: long, few links, a finished sentence. */
    private static boolean isSolidProse(Block b) {
        return b.text().length() >= 150 && b.linkDensity() < 0.2 && TERMINAL.matcher(b.text()).matches();
    }

    private static int solidProseAfter(List<Block> blocks, int index) {
        int n = 0;
        for (int j = index + 1; j < blocks.size(); j++) {
            if (isSolidProse(blocks.get(j))) {
                n++;
            }
        }
        return n;
    }

    static boolean isProse(String text, int minWords) {
        return words(text) >= minWords && TERMINAL.matcher(text).matches();
    }

    static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        // Scripts without spaces between words count by characters.
        return Math.max(n, (int) (text.codePoints().filter(Character::isIdeographic).count() / 2));
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
