package dev.storyline.ingest.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public record Outcome(String id, String externalId, boolean duplicate, boolean fetching) {
        public Outcome(String id, String externalId, boolean duplicate) {
            this(id, externalId, duplicate, false);
        }

    }

    /** Marks, while a batch is handled, a repeat of the batch's own line n as "line:n" until that line has its id. */
    private static final String LINE = "line:";

    /** One submission of a batch: its outcome, or why it was refused. */
    public record Result(Outcome outcome, RejectedSubmission refused) {
    }

    private final SubmissionRules rules;
    private final RawArticlePublisher publisher;
    private final UrlFetches urlFetches;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    @Inject
    public IntakeService(RawArticlePublisher publisher, UrlFetches urlFetches, MeterRegistry registry,
            FieldLimits limits,
            @ConfigProperty(name = "storyline.ingest.tracking-parameters") List<String> trackingParameters) {
        this.publisher = publisher;
        this.urlFetches = urlFetches;
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
        return submitChecked(checked);
    }

    private Outcome submitChecked(SubmissionRules.Accepted checked) {
        Optional<Outcome> repeat = QuarkusTransaction.requiringNew().call(() -> findRepeat(checked));
        if (repeat.isEmpty()) {
            IngestRecord record;
            try {
                record = QuarkusTransaction.requiringNew().call(() -> {
                    IngestRecord r = store(checked);
                    IngestRecord.flush();
                    return r;
                });
            } catch (PersistenceException e) {
                // Another request stored the same article between our look-up and our insert.
                repeat = Optional.of(QuarkusTransaction.requiringNew().call(() -> findRepeat(checked)).orElseThrow(() -> e));
                duplicates.increment();
                return repeat.get();
            }
            handOn(record);
            accepted.increment();
            return new Outcome(record.id, record.externalId, false, record.status == IngestRecord.Status.FETCHING);
        }
        duplicates.increment();
        return repeat.get();
    }

    /**
     * Accepts many articles at once, as {@link #submit} does each: the repeats are looked up and the new articles
     * stored in one transaction each, then published. Answers, in the order given, each one's outcome or the
     * reason it was refused. When the store fails (another request stored one of them first), each new article
     * goes through {@link #submit} on its own.
     */
    public List<Result> submitAll(List<ArticleSubmission> submissions) {
        Result[] results = new Result[submissions.size()];
        Map<Integer, SubmissionRules.Accepted> checked = new LinkedHashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                checked.put(i, rules.check(submissions.get(i)));
            } catch (RejectedSubmission e) {
                rejected.increment();
                results[i] = new Result(null, e);
            }
        }
        Map<String, Outcome> known = QuarkusTransaction.requiringNew().call(() -> knownAmong(checked.values()));
        Map<Integer, SubmissionRules.Accepted> fresh = new LinkedHashMap<>();
        for (Map.Entry<Integer, SubmissionRules.Accepted> e : checked.entrySet()) {
            Outcome repeat = repeatOf(e.getValue(), known);
            if (repeat != null) {
                duplicates.increment();
                results[e.getKey()] = new Result(repeat, null);
            } else {
                fresh.put(e.getKey(), e.getValue());
                // A later line of this batch with the same externalId or URL is a repeat of this one.
                known.putAll(keysOf(e.getValue(), new Outcome(LINE + e.getKey(), e.getValue().submission().externalId(),
                        true)));
            }
        }
        List<IngestRecord> stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(() -> {
                List<IngestRecord> records = fresh.values().stream().map(this::store).toList();
                IngestRecord.flush();
                return records;
            });
        } catch (PersistenceException e) {
            fresh.forEach((i, a) -> results[i] = new Result(submitChecked(a), null));
            return List.of(results);
        }
        int n = 0;
        for (Integer i : fresh.keySet()) {
            IngestRecord record = stored.get(n++);
            handOn(record);
            accepted.increment();
            results[i] = new Result(new Outcome(record.id, record.externalId, false,
                    record.status == IngestRecord.Status.FETCHING), null);
        }
        resolveRepeatsWithinTheBatch(results);
        return List.of(results);
    }

    /** A repeat of an earlier line of the same batch answers that line's id. */
    private static void resolveRepeatsWithinTheBatch(Result[] results) {
        for (int i = 0; i < results.length; i++) {
            Outcome o = results[i].outcome();
            if (o != null && o.id().startsWith(LINE)) {
                String id = results[Integer.parseInt(o.id().substring(LINE.length()))].outcome().id();
                results[i] = new Result(new Outcome(id, o.externalId(), true), null);
            }
        }
    }

    /** The stored articles that share an externalId or a canonical URL with any of these, by key. */
    private Map<String, Outcome> knownAmong(Collection<SubmissionRules.Accepted> batch) {
        List<String> externalIds = batch.stream().map(a -> a.submission().externalId()).filter(x -> x != null).toList();
        List<String> hashes = batch.stream().map(a -> a.canonicalUrl()).filter(x -> x != null).map(Hashes::sha256)
                .toList();
        Map<String, Outcome> known = new HashMap<>();
        if (!externalIds.isEmpty()) {
            IngestRecord.<IngestRecord>list("externalId in ?1", externalIds)
                    .forEach(r -> known.put("e:" + r.externalId, new Outcome(r.id, r.externalId, true)));
        }
        if (!hashes.isEmpty()) {
            IngestRecord.<IngestRecord>list("canonicalUrlHash in ?1", hashes)
                    .forEach(r -> known.putIfAbsent("u:" + r.canonicalUrlHash, new Outcome(r.id, r.externalId, true)));
        }
        return known;
    }

    private static Map<String, Outcome> keysOf(SubmissionRules.Accepted a, Outcome outcome) {
        Map<String, Outcome> keys = new HashMap<>();
        if (a.submission().externalId() != null) {
            keys.put("e:" + a.submission().externalId(), outcome);
        }
        if (a.canonicalUrl() != null) {
            keys.put("u:" + Hashes.sha256(a.canonicalUrl()), outcome);
        }
        return keys;
    }

    private static Outcome repeatOf(SubmissionRules.Accepted a, Map<String, Outcome> known) {
        Outcome byExternalId = a.submission().externalId() == null ? null : known.get("e:" + a.submission().externalId());
        if (byExternalId != null) {
            return byExternalId;
        }
        return a.canonicalUrl() == null ? null : known.get("u:" + Hashes.sha256(a.canonicalUrl()));
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

    /** A stored article goes to Kafka, or first to the fetcher when it is a URL to fetch. */
    private void handOn(IngestRecord record) {
        if (record.status == IngestRecord.Status.FETCHING) {
            urlFetches.start(record.id, record.url);
        } else {
            publisher.publish(record);
        }
    }

    /** The rules, for content that arrives later (a fetched page). */
    public SubmissionRules rules() {
        return rules;
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
        r.status = a.fetch() ? IngestRecord.Status.FETCHING : IngestRecord.Status.RECEIVED;
        r.persist();
        return r;
    }
}
