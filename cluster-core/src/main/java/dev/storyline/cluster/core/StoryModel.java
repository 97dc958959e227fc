package dev.storyline.cluster.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.List;
import java.util.Properties;

/**
 * How much each piece of evidence that an article belongs to a story counts: a logistic model over the features
 * {@link StoryIndex} computes for an (article, story) pair, whose weights are data ({@code cluster/story-model.properties},
 * fitted by {@code cluster-service/cluster-train.sh}). The score is the log-odds that the article belongs to the
 * story; the join and merge thresholds are log-odds too. Publication time changes what the rest of the evidence
 * is worth, so there are two sets of weights: for an article and a story that both have dates, and for the rest.
 */
public record StoryModel(double[] dated, double[] undated) {

    /** The features, in the order of {@link #weights}; the weights file names each one. */
    public static final List<String> FEATURES = List.of(
            "centroid", "centroid-names", "centroid-words", "title", "sqrt-centroid", "sqrt-centroid-names",
            "rare-names", "any-rare-name", "rare-names-not-in-story",
            "gap-1d", "gap-3d", "gap-7d", "gap-30d", "gap-longer",
            "from-first-7d", "from-first-30d", "from-first-longer", "log-size", "mentions-first-day",
            "mentions-other-day", "mentions-first-day-later", "mentions-first-month-later", "shared-ages",
            "ages-differ", "mentions-no-first-day", "title-ages-differ", "bias");

    public StoryModel {
        if (dated.length != FEATURES.size() || undated.length != FEATURES.size()) {
            throw new IllegalArgumentException("a story model needs " + FEATURES.size() + " weights for each case");
        }
    }

    public static StoryModel defaults() {
        try (InputStream in = StoryModel.class.getResourceAsStream("/cluster/story-model.properties")) {
            if (in == null) {
                throw new IllegalStateException("cluster/story-model.properties is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StoryModel read(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return new StoryModel(weights(p, "dated."), weights(p, "undated."));
    }

    private static double[] weights(Properties p, String prefix) {
        double[] w = new double[FEATURES.size()];
        for (int i = 0; i < w.length; i++) {
            String v = p.getProperty(prefix + FEATURES.get(i));
            if (v == null) {
                throw new IllegalStateException("story model weight " + prefix + FEATURES.get(i) + " is missing");
            }
            w[i] = Double.parseDouble(v.strip());
        }
        return w;
    }

    /** The log-odds that the article belongs to the story. */
    public double score(double[] features, boolean bothDated) {
        double[] weights = bothDated ? dated : undated;
        double z = 0;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return z;
    }
}
