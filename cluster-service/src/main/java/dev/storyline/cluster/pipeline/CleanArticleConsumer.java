package dev.storyline.cluster.pipeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.support.messaging.DeadLetters;
import dev.storyline.support.messaging.Poll;
import dev.storyline.support.metrics.PollStages;

/**
 * {@code articles.clean} to stories, a poll at a time. The articles of a poll are clustered in the order ingest
 * received them, whatever order the cleaners finished them in, and their decisions commit in one transaction. A
 * record that cannot be read or assigned goes to {@code articles.clean.dlq} with the reason; the others go on. The
 * poll is acknowledged once its decisions are committed; their events go out from the outbox.
 */
@ApplicationScoped
public class CleanArticleConsumer {

    /** Ingest's order: when it received the article; the id settles ties. */
    static final Comparator<CleanArticle> RECEIVED = Comparator
            .comparing(CleanArticle::receivedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(CleanArticle::id);

    @Inject
    ClusteringService clustering;

    @Inject
    StoryEventPublisher events;

    @Inject
    @Channel("articles-clean-dlq-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<byte[]> deadLetterChannel;

    @Inject
    PipelineConfig config;

    @Inject
    MeterRegistry registry;

    private DeadLetters deadLetters;
    private PollStages stages;

    @PostConstruct
    void init() {
        deadLetters = new DeadLetters(deadLetterChannel, config.publishTimeout());
        stages = new PollStages(registry, "articles-clean-in");
    }

    @Incoming("articles-clean-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        Poll<CleanArticle> poll = stages.time("read", () -> Poll.read(records, MessageCodec.CLEAN_ARTICLE::decode,
                CleanArticle::id, RECEIVED, deadLetters));
        ClusteringService.Outcome outcome = stages.time("assign", () -> clustering.assignAll(poll.items()));
        for (Map.Entry<String, RuntimeException> failed : outcome.failed().entrySet()) {
            deadLetters.send(poll.recordOf(failed.getKey()), failed.getValue());
        }
        stages.run("publish", () -> events.publish(outcome.events()));
    }
}
