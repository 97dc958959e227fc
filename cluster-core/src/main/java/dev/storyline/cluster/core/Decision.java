package dev.storyline.cluster.core;

import java.util.List;

/**
 * Where an article goes. {@code storyId} is an existing story, or a new one when {@code newStory};
 * {@code nearDuplicateOf} names the earliest article it copies, or is null; {@code merged} lists stories that this
 * article proved to be the same as {@code storyId}, now folded into it; {@code nowCopiesOfThis} lists earlier-arrived
 * articles that turn out to be copies of this one (it was published first).
 */
public record Decision(String storyId, boolean newStory, String nearDuplicateOf, double similarity,
        List<String> merged, List<String> nowCopiesOfThis) {

    public Decision {
        merged = merged == null ? List.of() : List.copyOf(merged);
        nowCopiesOfThis = nowCopiesOfThis == null ? List.of() : List.copyOf(nowCopiesOfThis);
    }
}
