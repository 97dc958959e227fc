package dev.storyline.cluster.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;

/**
 * The clusterer's settings as the service's configuration may override them ({@code storyline.cluster.*}, or
 * environment variables such as {@code STORYLINE_CLUSTER_JOIN_THRESHOLD}). Defaults stay in cluster-core's
 * {@code cluster/clustering.properties}; a key given here replaces its default. The keys are declared, so that an
 * environment variable reaches them and a misspelt key fails the start.
 */
@ConfigMapping(prefix = "storyline.cluster")
public interface ClusterConfig {

    OptionalDouble joinThreshold();

    OptionalDouble mergeThreshold();

    OptionalDouble titleWeight();

    OptionalDouble leadWeight();

    OptionalInt leadChars();

    OptionalDouble nameWeight();

    OptionalInt titleFurnitureRepeats();

    OptionalInt idfPriorDocuments();

    OptionalInt rareNameDocuments();

    Optional<String> months();

    Optional<String> weekdays();

    Optional<String> ageBefore();

    Optional<String> ageAfter();

    OptionalInt mentionDaysBefore();

    OptionalInt mentionDaysAfter();

    OptionalInt windowDays();

    OptionalInt queryTerms();

    OptionalInt maxPostings();

    OptionalInt maxCandidates();

    OptionalInt maxCentroidTerms();

    OptionalDouble duplicateJaccard();

    OptionalInt minhashPermutations();

    OptionalInt shingleWords();

    /** The keys given, as cluster-core's settings name them. */
    default Map<String, String> overrides() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "join-threshold", joinThreshold());
        put(m, "merge-threshold", mergeThreshold());
        put(m, "title-weight", titleWeight());
        put(m, "lead-weight", leadWeight());
        put(m, "lead-chars", leadChars());
        put(m, "name-weight", nameWeight());
        put(m, "title-furniture-repeats", titleFurnitureRepeats());
        put(m, "idf-prior-documents", idfPriorDocuments());
        put(m, "rare-name-documents", rareNameDocuments());
        months().ifPresent(v -> m.put("months", v));
        weekdays().ifPresent(v -> m.put("weekdays", v));
        ageBefore().ifPresent(v -> m.put("age-before", v));
        ageAfter().ifPresent(v -> m.put("age-after", v));
        put(m, "mention-days-before", mentionDaysBefore());
        put(m, "mention-days-after", mentionDaysAfter());
        put(m, "window-days", windowDays());
        put(m, "query-terms", queryTerms());
        put(m, "max-postings", maxPostings());
        put(m, "max-candidates", maxCandidates());
        put(m, "max-centroid-terms", maxCentroidTerms());
        put(m, "duplicate-jaccard", duplicateJaccard());
        put(m, "minhash-permutations", minhashPermutations());
        put(m, "shingle-words", shingleWords());
        return m;
    }

    private static void put(Map<String, String> m, String key, OptionalDouble v) {
        v.ifPresent(x -> m.put(key, Double.toString(x)));
    }

    private static void put(Map<String, String> m, String key, OptionalInt v) {
        v.ifPresent(x -> m.put(key, Integer.toString(x)));
    }
}
