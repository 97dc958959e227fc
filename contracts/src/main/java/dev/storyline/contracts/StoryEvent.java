package dev.storyline.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code stories.events}: what cluster-service decided. Keyed by story id.
 * Schema: {@code schemas/story-event.v1.json}.
 *
 * @param eventId        unique per event; consumers de-duplicate on it
 * @param articleId      set for {@link Type#STORY_CREATED} and {@link Type#ARTICLE_ADDED}
 * @param nearDuplicateOf the article this one copies, when it is a near-duplicate
 * @param mergedStoryIds for {@link Type#STORIES_MERGED}: the stories folded into {@link #storyId}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryEvent(
        int schemaVersion,
        String eventId,
        Type type,
        String storyId,
        String articleId,
        String nearDuplicateOf,
        List<String> mergedStoryIds,
        String title,
        int size,
        Instant at) implements Versioned {

    public static final int SCHEMA_VERSION = 1;

    public enum Type { STORY_CREATED, ARTICLE_ADDED, STORIES_MERGED }
}
