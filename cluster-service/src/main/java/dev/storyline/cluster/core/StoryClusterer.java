package dev.storyline.cluster.core;

/**
 * Assigns articles to stories one at a time, as they stream in. Plain Java, single-writer: callers serialise
 * calls. {@link #restore} replays a past decision so that a restarted service carries on exactly where it was.
 */
public interface StoryClusterer {

    Decision assign(ClusterInput article);

    void restore(ClusterInput article, String storyId, String nearDuplicateOf);

    /** How many articles the working index holds. */
    int size();

    /** The story an article belongs to now (after any merges), or null when it was never assigned. */
    String storyOf(String articleId);
}
