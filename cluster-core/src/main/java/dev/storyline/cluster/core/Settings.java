package dev.storyline.cluster.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The clusterer's thresholds and weights. Defaults live in {@code cluster/clustering.properties}; the service may
 * override any of them (keys as in that file).
 */
public record Settings(double joinThreshold, double mergeThreshold, double titleWeight, double leadWeight,
        int leadChars, double nameWeight, int titleFurnitureRepeats, int idfPriorDocuments, int rareNameDocuments,
        String months, String weekdays, String ageBefore, String ageAfter, int mentionDaysBefore, int mentionDaysAfter,
        int windowDays, int queryTerms, int maxPostings, int maxCandidates, int maxCentroidTerms,
        double duplicateJaccard, int minhashPermutations, int shingleWords) {

    public static Settings defaults() {
        return load(Map.of());
    }

    /**
     * The settings with {@code -Dstoryline.cluster.<key>=<value>} system properties as overrides, for the offline
     * tools (the service passes its own configuration to {@link #load}).
     */
    public static Settings fromSystemProperties() {
        return load(systemOverrides());
    }

    /** The {@code storyline.cluster.*} system properties, keys without the prefix. */
    public static Map<String, String> systemOverrides() {
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> overrides.put(k.substring(PREFIX.length()), System.getProperty(k)));
        return overrides;
    }

    private static final String PREFIX = "storyline.cluster.";

    public static Settings load(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/cluster/clustering.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cluster/clustering.properties is missing", e);
        }
        overrides.forEach(p::setProperty);
        return new Settings(d(p, "join-threshold"), d(p, "merge-threshold"), d(p, "title-weight"),
                d(p, "lead-weight"), i(p, "lead-chars"), d(p, "name-weight"), i(p, "title-furniture-repeats"),
                i(p, "idf-prior-documents"), i(p, "rare-name-documents"), required(p, "months"),
                required(p, "weekdays"), required(p, "age-before"), required(p, "age-after"),
                i(p, "mention-days-before"), i(p, "mention-days-after"), i(p, "window-days"), i(p, "query-terms"),
                i(p, "max-postings"), i(p, "max-candidates"), i(p, "max-centroid-terms"), d(p, "duplicate-jaccard"),
                i(p, "minhash-permutations"), i(p, "shingle-words"));
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(required(p, key));
    }

    private static int i(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new UncheckedIOException(new IOException("clustering setting " + key + " is missing"));
        }
        return v.strip();
    }
}
