package dev.storyline.cluster.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.offline.ClusterMetrics;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.testsupport.SharedData;

/**
 * The clustering quality gate: both dev sets through the offline mode, B-cubed and pairwise F1 against the
 * checked-in baseline ({@code quality/clustering-baseline.properties}), which only ever goes up.
 */
class ClusteringQualityTest {

    /** How far below the baseline a score may fall before the gate fails: tie-break noise, not a regression. */
    static final double TOLERANCE = 0.002;

    @ParameterizedTest
    @ValueSource(strings = { "gvc", "ecbplus" })
    void devScoresDoNotFallBelowTheBaseline(String set) throws Exception {
        List<OfflineClustering.Article> articles = OfflineClustering.read(
                SharedData.require("clustering-dev/" + set + "_dev.jsonl"));
        OfflineClustering.Result result = OfflineClustering.cluster(articles, Clusterers.standard());
        Map<String, String> gold = new LinkedHashMap<>();
        articles.forEach(a -> gold.put(a.input().id(), a.story()));
        ClusterMetrics.Score b3 = ClusterMetrics.bcubed(result.clusters(), gold);
        ClusterMetrics.Score pw = ClusterMetrics.pairwise(result.clusters(), gold);
        System.out.printf("%s dev: B-cubed %s; pairwise %s; %d clusters for %d articles%n", set, b3, pw,
                result.clusters().values().stream().distinct().count(), articles.size());
        Properties baseline = baseline();
        double minB3 = Double.parseDouble(baseline.getProperty(set + ".bcubed.f1"));
        double minPw = Double.parseDouble(baseline.getProperty(set + ".pairwise.f1"));
        assertTrue(b3.f1() >= minB3 - TOLERANCE, set + " B-cubed F1 " + b3.f1() + " fell below the baseline " + minB3);
        assertTrue(pw.f1() >= minPw - TOLERANCE, set + " pairwise F1 " + pw.f1() + " fell below the baseline " + minPw);
    }

    static Properties baseline() throws Exception {
        Properties p = new Properties();
        try (InputStream in = ClusteringQualityTest.class.getResourceAsStream("/quality/clustering-baseline.properties")) {
            p.load(in);
        }
        return p;
    }
}
