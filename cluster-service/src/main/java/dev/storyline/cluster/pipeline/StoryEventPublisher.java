package dev.storyline.cluster.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.storyline.cluster.store.StoryEventRecord;

/**
 * Publishes stored story events to {@code stories.events}, keyed by story id, waits for Kafka's acknowledgement and
 * marks them published. Events left unpublished (a crash between commit and send) go out with the next
 * redelivery of their article, or with the periodic sweep.
 */
@ApplicationScoped
public class StoryEventPublisher {

    private static final Logger LOG = Logger.getLogger(StoryEventPublisher.class);

    @Inject
    @Channel("stories-events-out")
    Emitter<byte[]> emitter;

    public void publishAndWait(List<StoryEventRecord> events, long timeoutMs) throws Exception {
        for (StoryEventRecord e : events) {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            emitter.send(Message.of(e.payload)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.storyId).build())
                    .withAck(() -> {
                        acked.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(t -> {
                        acked.completeExceptionally(t);
                        return CompletableFuture.completedFuture(null);
                    }));
            acked.get(timeoutMs, TimeUnit.MILLISECONDS);
            String id = e.eventId;
            QuarkusTransaction.requiringNew().run(() -> StoryEventRecord.update(
                    "publishedAt = ?1 where eventId = ?2", Instant.now(), id));
        }
    }

    @Scheduled(every = "${storyline.cluster.event-sweep-interval:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<StoryEventRecord> pending = QuarkusTransaction.requiringNew().call(() -> StoryEventRecord.unpublished(500));
        if (pending.isEmpty()) {
            return;
        }
        LOG.infof("publishing %d story events not yet confirmed by Kafka", pending.size());
        try {
            publishAndWait(pending, 30_000);
        } catch (Exception e) {
            LOG.warnf("story events still unpublished (%s); next sweep tries again", e.toString());
        }
    }
}
