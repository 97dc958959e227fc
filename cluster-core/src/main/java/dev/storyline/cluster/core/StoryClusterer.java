package dev.storyline.cluster.core;

import java.util.List;

/**
 * Assigns articles to stories one at a time, as they stream in. Plain Java, single-writer: callers serialise
 * calls. {@link #restore} replays a past decision so that a restarted service carries on exactly where it was.
 */
public interface StoryClusterer {

    Decision assign(ClusterInput article);

    /**
     * Replays a past decision: the article joins the story it joined then, after the stories that decision folded
     * into it are merged, exactly as {@link #assign} did. Replaying the decisions in their order rebuilds the same
     * index, merges included, so the next decisions are the same as if nothing had stopped.
     */
    void restore(ClusterInput article, String joinedStoryId, List<String> folded);

    /** How many articles the working index holds. */
    int size();

    /** The story an article belongs to now (after any merges), or null when it was never assigned. */
    String storyOf(String articleId);
}
