package dev.storyline.cluster.stories;

import java.time.Instant;
import java.util.List;

/** What readers see of stories: the shapes the API answers and the browser renders. */
public final class StoryViews {

    private StoryViews() {
    }

    /** A story on the front page. */
    public record StorySummary(String id, String title, int size, int sources, List<String> languages,
            Instant firstSeen, Instant lastUpdated) {
    }

    /** A page of stories and, when there may be more, the cursor of the next page. */
    public record StoryPage(List<StorySummary> stories, String next) {
    }

    /**
     * An article of a story.
     *
     * @param brief           the cleaned lead: the first paragraph, up to 300 characters; null for a title-only item
     * @param nearDuplicateOf the article this one copies (a syndicated or lightly edited copy)
     * @param published       as the article gave it (ISO-8601), null when unknown
     */
    public record StoryArticle(String id, String externalId, String title, String url, String source, String language,
            String brief, String published, String nearDuplicateOf, Instant assignedAt) {
    }

    /** One step of a story's history. */
    public record TimelineEntry(Instant at, Kind kind, String articleId, String mergedStoryId, String mergedTitle) {
        public enum Kind { CREATED, ARTICLE_PUBLISHED, STORY_MERGED }
    }

    /** A story folded into this one, and the article whose arrival showed they were one. */
    public record Merge(String mergedStoryId, String mergedTitle, String byArticleId, Instant at) {
    }

    /**
     * A story in full.
     *
     * @param articles every article, in publication order (those without a date at the time they arrived)
     * @param timeline the story's creation, each article's publication and each merge, in time order
     * @param merges   the stories folded into this one, oldest first (including those folded into them)
     */
    public record StoryDetail(String id, String title, int size, int sources, List<String> languages,
            Instant firstSeen, Instant lastUpdated, List<StoryArticle> articles, List<TimelineEntry> timeline,
            List<Merge> merges) {
    }

    /** A clustered article in full, with what the cleaner found and what it left out. */
    public record ArticleDetail(String id, String externalId, String storyId, String storyTitle, String title,
            String url, String source, String language, String published, List<String> bylines, String nearDuplicateOf,
            Instant assignedAt, List<String> paragraphs, List<String> dropped) {
    }
}
