package dev.storyline.clean.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.FurniturePatterns;
import dev.storyline.clean.extract.JsoupExtractor;
import dev.storyline.clean.extract.LinguaLanguageGuesser;
import dev.storyline.clean.extract.RawInput;

/** The extraction quality gate on the dev half of the benchmark: F1 must not fall below the checked-in baseline. */
public class ExtractionQualityTest {

    public static final ArticleExtractor EXTRACTOR = new JsoupExtractor(FurniturePatterns.load(),
            new LinguaLanguageGuesser(), 5000);

    @Test
    void devF1DoesNotFallBelowTheBaseline() throws Exception {
        List<ExtractionDevSet.Page> pages = ExtractionDevSet.load();
        List<ShingleMetric.PageScore> scores = new ArrayList<>();
        List<Boolean> exact = new ArrayList<>();
        for (ExtractionDevSet.Page page : pages) {
            Extraction e = EXTRACTOR.extract(new RawInput(Decoding.decode(page.html(), null), null, page.url(), null, null));
            scores.add(ShingleMetric.score(page.id(), e.text(), page.truth()));
            exact.add(ShingleMetric.exact(e.text(), page.truth()));
        }
        ShingleMetric.Summary summary = ShingleMetric.summarize(scores, exact);
        System.out.println("extraction-dev: " + summary);
        scores.stream().sorted(Comparator.comparingDouble(ShingleMetric.PageScore::f1)).limit(8)
                .forEach(s -> System.out.printf("  lowest: %s F1 %.3f (P %.3f, R %.3f)%n", s.id(), s.f1(), s.precision(),
                        s.recall()));
        double baseline = baseline("dev.f1");
        assertTrue(summary.f1() >= baseline - 0.002,
                "dev F1 " + summary.f1() + " fell below the baseline " + baseline);
    }

    static double baseline(String key) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ExtractionQualityTest.class.getResourceAsStream("/quality/extraction-baseline.properties")) {
            p.load(in);
        }
        return Double.parseDouble(p.getProperty(key));
    }
}
