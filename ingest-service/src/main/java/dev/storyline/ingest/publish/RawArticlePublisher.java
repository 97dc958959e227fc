package dev.storyline.ingest.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;
import dev.storyline.ingest.store.IngestRecord;

/**
 * Publishes stored records to {@code articles.raw}, keyed by id. A record is marked PUBLISHED only once Kafka
 * acknowledges it; anything still RECEIVED after the grace period is sent again by {@link #relay()}, so a broker
 * outage delays articles but loses none. Consumers are idempotent on the id, so a second send is harmless.
 */
@ApplicationScoped
public class RawArticlePublisher {

    private static final Logger LOG = Logger.getLogger(RawArticlePublisher.class);
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final int MARKS_PER_STATEMENT = 500;

    /** Ids Kafka acknowledged, not yet marked PUBLISHED. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

    @Inject
    @Channel("articles-raw-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<byte[]> emitter;

    public void publish(IngestRecord record) {
        byte[] payload = MessageCodec.RAW_ARTICLE.encode(toMessage(record));
        String id = record.id;
        Message<byte[]> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(id).build())
                .withAck(() -> {
                    acknowledged.add(id);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    LOG.warnf("articles.raw did not take %s (%s); the relay will send it again", id, e.toString());
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            LOG.warnf("cannot hand %s to Kafka now (%s); the relay will send it again", id, e.toString());
        }
    }

    @Scheduled(every = "${storyline.ingest.relay-interval:10s}", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        var pending = QuarkusTransaction.requiringNew().call(() -> {
            var list = IngestRecord.pending(Instant.now().minus(GRACE), 100);
            list.forEach(r -> r.publishAttempts++);
            return list;
        });
        if (!pending.isEmpty()) {
            LOG.infof("relaying %d records not yet confirmed by Kafka", pending.size());
        }
        pending.forEach(this::publish);
    }

    /**
     * Marks what Kafka acknowledged since the last time PUBLISHED, a few hundred at a time in one statement. A mark
     * lost in a crash only makes the relay send that record again, which consumers ignore.
     */
    @Scheduled(every = "${storyline.ingest.publish-marks-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markPublished() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = acknowledged.poll()) != null;) {
            ids.add(id);
            if (ids.size() == MARKS_PER_STATEMENT) {
                mark(ids);
                ids = new ArrayList<>();
            }
        }
        if (!ids.isEmpty()) {
            mark(ids);
        }
    }

    private static void mark(List<String> ids) {
        QuarkusTransaction.requiringNew().run(() -> IngestRecord.update(
                "status = ?1, publishedAt = ?2, updatedAt = ?2 where id in ?3 and status = ?4",
                IngestRecord.Status.PUBLISHED, Instant.now(), ids, IngestRecord.Status.RECEIVED));
    }

    static RawArticle toMessage(IngestRecord r) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, r.id, r.externalId, r.url, r.canonicalUrl, r.source,
                r.title, r.published, r.language, r.html ? r.content : null, r.html || r.content.isEmpty() ? null : r.content,
                r.contentHash, r.receivedAt);
    }
}
