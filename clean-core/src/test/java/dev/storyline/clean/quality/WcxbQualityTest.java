package dev.storyline.clean.quality;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The WCXB quality gate (dev split, the benchmark's own metric): body F1 on articles and on all page types, the
 * share of {@code with} snippets found and of {@code without} snippets leaked, and title, author and date on
 * articles. Each must stay within {@link #TOLERANCE} of the checked-in baseline; both domain halves are printed.
 */
class WcxbQualityTest {

    static final double TOLERANCE = 0.002;

    @Test
    void wcxbDevDoesNotFallBelowTheBaseline() throws Exception {
        List<WcxbEvaluation.Result> results = WcxbEvaluation.run(ExtractionQualityTest.EXTRACTOR, WcxbSet.load());
        WcxbEvaluation.Scores all = WcxbEvaluation.score(results, r -> true);
        System.out.println("wcxb-dev all     " + all);
        for (WcxbSet.Half h : WcxbSet.Half.values()) {
            System.out.println("wcxb-dev half " + h + "  " + WcxbEvaluation.score(results, r -> r.page().half() == h));
        }
        Properties base = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/quality/wcxb-baseline.properties")) {
            base.load(in);
        }
        List<Executable> checks = new ArrayList<>();
        checks.add(atLeast(base, "articles.f1", all.articlesF1()));
        checks.add(atLeast(base, "all.f1", all.allF1()));
        checks.add(atLeast(base, "with.found", all.withFound()));
        checks.add(atLeast(base, "title", all.title()));
        checks.add(atLeast(base, "author", all.author()));
        checks.add(atLeast(base, "date", all.date()));
        double leakCeiling = Double.parseDouble(base.getProperty("without.leaked"));
        checks.add(() -> assertTrue(all.withoutLeaked() <= leakCeiling + TOLERANCE,
                "without leaked " + all.withoutLeaked() + " rose above the baseline " + leakCeiling));
        assertAll(checks);
    }

    private static Executable atLeast(Properties base, String key, double value) {
        double floor = Double.parseDouble(base.getProperty(key));
        return () -> assertTrue(value >= floor - TOLERANCE, key + " " + value + " fell below the baseline " + floor);
    }
}
