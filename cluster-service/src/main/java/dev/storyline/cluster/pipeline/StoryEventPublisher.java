package dev.storyline.cluster.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storyline.cluster.store.StoryEventRecord;
import dev.storyline.support.messaging.Acknowledged;

/**
 * Publishes stored story events (the outbox) to {@code stories.events}, keyed by story id, waits for Kafka's
 * acknowledgement and marks them published. Events left unpublished (Kafka away, or a crash between commit and send)
 * go out with the next redelivery of their article, or with the periodic sweep.
 */
@ApplicationScoped
public class StoryEventPublisher {

    private static final Logger LOG = Logger.getLogger(StoryEventPublisher.class);

    @Inject
    @Channel("stories-events-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<byte[]> emitter;

    @Inject
    PipelineConfig config;

    /**
     * Sends the events, waits until Kafka acknowledged them all and marks them published. When Kafka does not
     * answer in time they stay unpublished, and the sweep sends them again: the decisions are committed already.
     */
    public void publish(List<StoryEventRecord> events) {
        try {
            publishAndWait(events);
        } catch (Exception e) {
            LOG.warnf("%d story events not yet confirmed by Kafka (%s); the sweep sends them again", events.size(),
                    e.toString());
        }
    }

    private void publishAndWait(List<StoryEventRecord> events) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (StoryEventRecord e : events) {
            acks.add(Acknowledged.send(emitter, e.storyId, e.payload));
        }
        Acknowledged.awaitAll(acks, config.publishTimeout());
        List<String> ids = events.stream().map(e -> e.eventId).toList();
        QuarkusTransaction.requiringNew().run(() -> StoryEventRecord.update(
                "publishedAt = ?1 where eventId in ?2", Instant.now(), ids));
    }

    @Scheduled(every = "${storyline.cluster.pipeline.event-sweep-interval:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<StoryEventRecord> pending = QuarkusTransaction.requiringNew().call(() -> StoryEventRecord.unpublished(500));
        if (pending.isEmpty()) {
            return;
        }
        LOG.infof("publishing %d story events not yet confirmed by Kafka", pending.size());
        publish(pending);
    }
}
