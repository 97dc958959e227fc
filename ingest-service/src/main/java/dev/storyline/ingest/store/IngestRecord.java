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

/** What ingest accepted, kept whole so that it can be published again until Kafka confirms it. */
@Entity
@Table(name = "ingest_record")
public class IngestRecord extends PanacheEntityBase {

    public enum Status { RECEIVED, PUBLISHED }

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

    public static Optional<IngestRecord> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public static Optional<IngestRecord> findByCanonicalUrlHash(String hash) {
        return find("canonicalUrlHash", hash).firstResultOptional();
    }

    /** Records still waiting for Kafka's confirmation, oldest first. */
    public static List<IngestRecord> pending(Instant receivedBefore, int limit) {
        return find("status = ?1 and receivedAt < ?2 order by receivedAt", Status.RECEIVED, receivedBefore)
                .page(0, limit).list();
    }
}
