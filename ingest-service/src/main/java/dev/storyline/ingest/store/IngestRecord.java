package dev.storyline.ingest.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What ingest accepted, kept whole so that it can be published again until Kafka confirms it, and where it stands
 * now: each accepted article ends {@link Status#CLUSTERED} (in a story) or {@link Status#REJECTED} (with a reason and
 * the stage that rejected it).
 */
@Entity
@Table(name = "ingest_record")
public class IngestRecord extends PanacheEntityBase {

    public enum Status {
        /** A URL-only submission whose page is being fetched; then RECEIVED, or REJECTED by stage fetch. */
        FETCHING, RECEIVED, PUBLISHED, CLEANED, CLUSTERED, REJECTED;

        /** Not yet judged by every stage. */
        public boolean inFlight() {
            return this != CLUSTERED && this != REJECTED;
        }
    }

    @Id
    public String id;
    @Column(name = "external_id")
    public String externalId;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    @Column(name = "canonical_url_hash")
    public String canonicalUrlHash;
    public String source;
    public String title;
    public String published;
    public String language;
    @Column(name = "is_html")
    public boolean html;
    public String content;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "publish_attempts")
    public int publishAttempts;
    @Column(name = "story_id")
    public String storyId;
    /** The stage that rejected it (clean, cluster, pipeline), for {@link Status#REJECTED}. */
    public String stage;
    public String reason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** How many times it was handed to the pipeline (once, plus re-drives of an article left without a verdict). */
    public int deliveries;

    public static Optional<IngestRecord> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public static Optional<IngestRecord> findByCanonicalUrlHash(String hash) {
        return find("canonicalUrlHash", hash).firstResultOptional();
    }

    /** Articles handed to the pipeline that no stage has judged since {@code before}, oldest first. */
    public static List<IngestRecord> withoutVerdictSince(Instant before, int limit) {
        return find("status in ?1 and updatedAt < ?2 order by updatedAt", List.of(Status.PUBLISHED, Status.CLEANED),
                before).page(0, limit).list();
    }

    /** Records still waiting for Kafka's confirmation, oldest first. */
    public static List<IngestRecord> pending(Instant receivedBefore, int limit) {
        return find("status = ?1 and receivedAt < ?2 order by receivedAt", Status.RECEIVED, receivedBefore)
                .page(0, limit).list();
    }
}
