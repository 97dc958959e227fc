package dev.storyline.ingest.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.ingest.publish.RawArticlePublisher;
import dev.storyline.ingest.store.IngestRecord;

/**
 * Accepts one article: checks it, drops exact repeats (same externalId, or same canonical URL), stores it,
 * then hands it to the publisher. The store comes first, so nothing accepted is lost if Kafka is away.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // so its counters are exported from the start
public class IntakeService {

    public record Outcome(String id, String externalId, boolean duplicate) {
    }

    private final SubmissionRules rules;
    private final RawArticlePublisher publisher;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    @Inject
    public IntakeService(RawArticlePublisher publisher, MeterRegistry registry,
            FieldLimits limits,
            @ConfigProperty(name = "storyline.ingest.tracking-parameters") List<String> trackingParameters) {
        this.publisher = publisher;
        this.rules = new SubmissionRules(limits, new UrlCanonicalizer(trackingParameters));
        this.accepted = registry.counter("storyline.ingest.articles", "outcome", "accepted");
        this.duplicates = registry.counter("storyline.ingest.articles", "outcome", "duplicate");
        this.rejected = registry.counter("storyline.ingest.articles", "outcome", "rejected");
    }

    public Outcome submit(ArticleSubmission submission) {
        SubmissionRules.Accepted checked;
        try {
            checked = rules.check(submission);
        } catch (RejectedSubmission e) {
            rejected.increment();
            throw e;
        }
        Optional<Outcome> repeat = QuarkusTransaction.requiringNew().call(() -> findRepeat(checked));
        if (repeat.isEmpty()) {
            IngestRecord record;
            try {
                record = QuarkusTransaction.requiringNew().call(() -> store(checked));
            } catch (PersistenceException e) {
                // Another request stored the same article between our look-up and our insert.
                repeat = Optional.of(QuarkusTransaction.requiringNew().call(() -> findRepeat(checked)).orElseThrow(() -> e));
                duplicates.increment();
                return repeat.get();
            }
            publisher.publish(record);
            accepted.increment();
            return new Outcome(record.id, record.externalId, false);
        }
        duplicates.increment();
        return repeat.get();
    }

    /** Counts a submission rejected before it reached the rules (unreadable JSON). */
    public void countRejected() {
        rejected.increment();
    }

    private Optional<Outcome> findRepeat(SubmissionRules.Accepted a) {
        Optional<IngestRecord> found = Optional.empty();
        if (a.submission().externalId() != null) {
            found = IngestRecord.findByExternalId(a.submission().externalId());
        }
        if (found.isEmpty() && a.canonicalUrl() != null) {
            found = IngestRecord.findByCanonicalUrlHash(Hashes.sha256(a.canonicalUrl()));
        }
        return found.map(r -> new Outcome(r.id, r.externalId, true));
    }

    private IngestRecord store(SubmissionRules.Accepted a) {
        ArticleSubmission s = a.submission();
        IngestRecord r = new IngestRecord();
        r.id = UUID.randomUUID().toString();
        r.externalId = s.externalId();
        r.url = s.url();
        r.canonicalUrl = a.canonicalUrl();
        r.canonicalUrlHash = a.canonicalUrl() == null ? null : Hashes.sha256(a.canonicalUrl());
        r.source = s.source();
        r.title = s.title();
        r.published = s.published();
        r.language = s.language();
        r.html = a.isHtml();
        r.content = a.content();
        r.contentHash = a.contentHash();
        r.receivedAt = Instant.now();
        r.updatedAt = r.receivedAt;
        r.deliveries = 1;
        r.status = IngestRecord.Status.RECEIVED;
        r.persistAndFlush();
        return r;
    }
}
