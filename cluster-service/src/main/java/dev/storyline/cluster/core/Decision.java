package dev.storyline.cluster.core;

/**
 * Where an article goes. {@code storyId} is an existing story, or a new one when {@code newStory};
 * {@code nearDuplicateOf} names the earliest article it copies, or is null.
 */
public record Decision(String storyId, boolean newStory, String nearDuplicateOf, double similarity) {
}
