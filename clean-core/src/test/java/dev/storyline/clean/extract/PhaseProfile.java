package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.storyline.clean.quality.ExtractionDevSet;

/**
 * A developer's tool, not a gate ({@code clean-core/tool.sh PhaseProfile}): where extraction time goes, by phase. It
 * sits in the extractor's package to time its package-private phases.
 */
public final class PhaseProfile {

    public static void main(String[] args) throws Exception {
        FurniturePatterns f = FurniturePatterns.load();
        HtmlContent html = new HtmlContent(f);
        LinePass pass = new LinePass(f);
        LinguaLanguageGuesser lang = new LinguaLanguageGuesser();
        List<String> pages = new ArrayList<>();
        for (ExtractionDevSet.Page p : ExtractionDevSet.load()) {
            pages.add(Decoding.decode(p.html(), null));
        }
        long[] t = new long[6];
        for (int round = 0; round < 8; round++) {
            java.util.Arrays.fill(t, 0);
            for (String page : pages) {
                long a = System.nanoTime();
                JsoupExtractor.looksEscaped(page);
                long b = System.nanoTime();
                Document doc = Jsoup.parse(page);
                long c = System.nanoTime();
                PageMetadata.of(doc);
                long d = System.nanoTime();
                List<String> dropped = new ArrayList<>();
                List<Block> blocks = html.blocks(doc.body(), dropped, new Budget(5000));
                long e = System.nanoTime();
                LinePass.Result r = pass.apply(blocks, null, 4, false, dropped);
                long g = System.nanoTime();
                lang.guess(String.join("\n\n", r.paragraphs));
                long h = System.nanoTime();
                t[0] += b - a;
                t[1] += c - b;
                t[2] += d - c;
                t[3] += e - d;
                t[4] += g - e;
                t[5] += h - g;
            }
        }
        String[] names = { "escaped?", "parse", "metadata", "blocks", "linepass", "language" };
        for (int i = 0; i < t.length; i++) {
            System.out.printf("PHASE %-9s %6.0f us/page%n", names[i], t[i] / 1000.0 / pages.size());
        }
    }
}
