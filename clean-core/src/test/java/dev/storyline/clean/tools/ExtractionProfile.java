package dev.storyline.clean.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsoup.Jsoup;

import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.clean.quality.ExtractionDevSet;
import dev.storyline.clean.quality.ExtractionQualityTest;
import dev.storyline.clean.quality.ExtractionDevSet;
import dev.storyline.clean.quality.ExtractionQualityTest;

/** A developer's tool, not a gate ({@code clean-core/tool.sh ExtractionProfile}): the pages slowest against a bare parse. */
public final class ExtractionProfile {

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<ExtractionDevSet.Page> pages = ExtractionDevSet.load();
        for (int round = 0; round < 3; round++) {
            rows.clear();
            for (ExtractionDevSet.Page page : pages) {
                String html = Decoding.decode(page.html(), null);
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    ExtractionQualityTest.EXTRACTOR.extract(RawInput.of(html));
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    Jsoup.parse(html).body().text();
                }
                long t2 = System.nanoTime();
                rows.add(new String[] { page.id().substring(0, 8), Long.toString((t1 - t0) / 5_000),
                        Long.toString((t2 - t1) / 5_000) });
            }
        }
        rows.sort(Comparator.comparingLong((String[] r) -> Long.parseLong(r[1]) - Long.parseLong(r[2])).reversed());
        long ours = rows.stream().mapToLong(r -> Long.parseLong(r[1])).sum();
        long jsoup = rows.stream().mapToLong(r -> Long.parseLong(r[2])).sum();
        System.out.printf("PROFILE total us: ours %d, jsoup %d%n", ours, jsoup);
        rows.stream().limit(12).forEach(r -> System.out.printf("PROFILE %s ours %s us, jsoup %s us%n", r[0], r[1], r[2]));
    }
}
