package dev.storyline.cluster.store;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One clustered article: its story, its decision, its copy link, and the text the working index is rebuilt from. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {
    @Id
    @Column(name = "article_id")
    public String articleId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    /** The story it belongs to now, after any merges. */
    @Column(name = "story_id")
    public String storyId;
    /** The story its decision put it in; with {@link #foldedStoryIds}, what a restart replays. */
    @Column(name = "joined_story_id")
    public String joinedStoryId;
    /** The stories its decision folded into the joined one, separated by spaces; null when none. */
    @Column(name = "folded_story_ids")
    public String foldedStoryIds;
    @Column(name = "external_id")
    public String externalId;
    public String title;
    public String url;
    public String published;
    @Column(name = "near_duplicate_of")
    public String nearDuplicateOf;
    public String body;
    /** The outlet: the URL's host, else the site name, else what ingest was told. */
    public String source;
    public String language;
    /** The cleaned text's first paragraph, up to 300 characters, for lists and search. */
    public String lead;
    /** The bylines, one per line. */
    public String bylines;
    /** What the cleaner left out and why, one line each. */
    public String dropped;
    /** {@link #published} as a time, for the timeline; null when unknown or unreadable. */
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
}
