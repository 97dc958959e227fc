package dev.storyline.cluster.offline;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores a clustering against gold stories. B-cubed: per article, precision = |its cluster ∩ its story| / |its
 * cluster| and recall = the same over |its story|, averaged over articles. Pairwise: over all pairs of articles, a
 * pair is positive when both share a cluster; precision and recall over those pairs.
 */
public final class ClusterMetrics {

    private ClusterMetrics() {
    }

    public record Score(double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        @Override
        public String toString() {
            return String.format("F1 %.4f (P %.4f, R %.4f)", f1(), precision, recall);
        }
    }

    /** @param predicted cluster per article id; @param gold story per article id (same ids) */
    public static Score bcubed(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Integer> clusterSize = counts(predicted);
        Map<String, Integer> storySize = counts(gold);
        Map<String, Integer> overlap = new HashMap<>();
        for (Map.Entry<String, String> e : gold.entrySet()) {
            overlap.merge(predicted.get(e.getKey()) + "\u0000" + e.getValue(), 1, Integer::sum);
        }
        double p = 0;
        double r = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String cluster = predicted.get(e.getKey());
            int both = overlap.get(cluster + "\u0000" + e.getValue());
            p += (double) both / clusterSize.get(cluster);
            r += (double) both / storySize.get(e.getValue());
        }
        return new Score(p / gold.size(), r / gold.size());
    }

    public static Score pairwise(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Integer> overlap = new HashMap<>();
        for (Map.Entry<String, String> e : gold.entrySet()) {
            overlap.merge(predicted.get(e.getKey()) + "\u0000" + e.getValue(), 1, Integer::sum);
        }
        long truePairs = pairs(overlap.values());
        long predictedPairs = pairs(counts(predicted).values());
        long goldPairs = pairs(counts(gold).values());
        return new Score(predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs,
                goldPairs == 0 ? 1 : (double) truePairs / goldPairs);
    }

    private static long pairs(java.util.Collection<Integer> sizes) {
        long n = 0;
        for (int s : sizes) {
            n += (long) s * (s - 1) / 2;
        }
        return n;
    }

    private static Map<String, Integer> counts(Map<String, String> labels) {
        Map<String, Integer> out = new HashMap<>();
        for (String label : labels.values()) {
            out.merge(label, 1, Integer::sum);
        }
        return out;
    }

}
