package dev.storyline.ingest.feeds;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscribed feed, its validators for the next conditional GET, and its health. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    /** NEW until its first poll; OK after a poll that worked; FAILING after one that did not. */
    public enum Status {
        NEW, OK, FAILING
    }

    @Id
    public String id;
    public String url;
    @Column(name = "url_hash")
    public String urlHash;
    public String title;
    @Column(name = "site_url")
    public String siteUrl;
    public String language;
    public String format;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "interval_seconds")
    public int intervalSeconds;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_error")
    public String lastError;
    public int failures;
    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public long polls;
    @Column(name = "items_seen")
    public long itemsSeen;
    @Column(name = "items_accepted")
    public long itemsAccepted;
    @Column(name = "created_at")
    public Instant createdAt;
}
