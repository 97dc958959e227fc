package dev.storyline.cluster.store;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event for stories.events, stored with the decision that caused it until Kafka has it. */
@Entity
@Table(name = "story_event")
public class StoryEventRecord extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "article_id")
    public String articleId;
    @Column(name = "story_id")
    public String storyId;
    public byte[] payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    public static List<StoryEventRecord> unpublished(int limit) {
        return find("publishedAt is null order by createdAt").page(0, limit).list();
    }
}
