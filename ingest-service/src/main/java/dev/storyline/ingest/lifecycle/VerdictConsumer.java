package dev.storyline.ingest.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import dev.storyline.contracts.ArticleStatus;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;
import dev.storyline.contracts.Topics;
import dev.storyline.support.messaging.DeadLetters;

/**
 * How ingest learns what became of each article: {@code stories.events} (in a story, and merges),
 * {@code articles.status} (cleaned, or rejected with a reason) and the dead-letter topics (rejected: the record
 * could not be processed). A verdict that cannot be applied is logged and skipped; {@link VerdictSweep} re-drives
 * any article left without a verdict, so none looks in flight forever.
 */
@ApplicationScoped
public class VerdictConsumer {

    private static final Logger LOG = Logger.getLogger(VerdictConsumer.class);

    @Inject
    Lifecycle lifecycle;

    @Inject
    MeterRegistry registry;

    @Incoming("stories-events-in")
    @Blocking
    public void storyEvents(List<byte[]> payloads) {
        List<StoryEvent> events = inRowOrder("stories.events", payloads, MessageCodec.STORY_EVENT::decode,
                StoryEvent::articleId);
        applyAll("stories.events", events, e -> {
            if (e.type() == StoryEvent.Type.STORIES_MERGED) {
                lifecycle.merged(e.mergedStoryIds(), e.storyId());
            } else if (e.articleId() != null) {
                lifecycle.clustered(e.articleId(), e.storyId());
            }
            return null;
        });
    }

    @Incoming("articles-status-in")
    @Blocking
    public void statuses(List<byte[]> payloads) {
        List<ArticleStatus> statuses = inRowOrder("articles.status", payloads, MessageCodec.ARTICLE_STATUS::decode,
                ArticleStatus::articleId);
        for (String stage : applyAll("articles.status", statuses, s -> {
            if (s.verdict() == ArticleStatus.Verdict.CLEANED) {
                lifecycle.cleaned(s.articleId(), s.at());
                return null;
            }
            return lifecycle.rejected(s.articleId(), s.stage(), s.reason()) ? s.stage() : null;
        })) {
            registry.counter("storyline.articles.rejected", "stage", stage).increment();
        }
    }

    /**
     * Decodes a poll's verdicts (one that cannot be decoded is logged and skipped) and orders them by article id,
     * stably, so one article's verdicts keep their order. Both consumers then lock {@code ingest_record} rows in the
     * same order, which is what keeps their transactions from deadlocking each other under a burst; every verdict is
     * safe in any order across articles (see {@link Lifecycle}). Merges carry no article id and come first.
     */
    static <T> List<T> inRowOrder(String topic, List<byte[]> payloads, Function<byte[], T> decode,
            Function<T, String> articleId) {
        List<T> verdicts = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                verdicts.add(decode.apply(payload));
            } catch (RuntimeException e) {
                LOG.warnf("skipped a verdict from %s that cannot be read: %s", topic, e.toString());
            }
        }
        verdicts.sort(Comparator.comparing(articleId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return verdicts;
    }

    /**
     * Applies a poll's verdicts in the given order, in one transaction; when that fails, each in its own, and one
     * that still fails is logged and skipped (the sweep re-drives its article). Answers what the applied verdicts
     * returned that was not null, once they are committed.
     */
    private <T> List<String> applyAll(String topic, List<T> verdicts, Function<T, String> apply) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> verdicts.stream().map(apply).filter(r -> r != null)
                    .toList());
        } catch (RuntimeException batchFailure) {
            LOG.warnf("applying %d verdicts from %s at once failed (%s); applying them one at a time", verdicts.size(),
                    topic, batchFailure.toString());
            List<String> results = new ArrayList<>();
            for (T verdict : verdicts) {
                try {
                    String r = QuarkusTransaction.requiringNew().call(() -> apply.apply(verdict));
                    if (r != null) {
                        results.add(r);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("skipped a verdict from %s that cannot be applied: %s", topic, e.toString());
                }
            }
            return results;
        }
    }

    @Incoming("dead-letters-in")
    @Blocking
    public void deadLetter(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        String source = topic.endsWith(Topics.DLQ_SUFFIX) ? topic.substring(0, topic.length() - Topics.DLQ_SUFFIX.length()) : topic;
        String stage = Topics.ARTICLES_RAW.equals(source) ? "clean" : Topics.ARTICLES_CLEAN.equals(source) ? "cluster" : source;
        Header header = record.headers().lastHeader(DeadLetters.REASON_HEADER);
        String reason = "dead letter on " + topic + ": "
                + (header == null ? "no reason given" : new String(header.value(), StandardCharsets.UTF_8));
        registry.counter("storyline.dead.letters", "topic", topic).increment();
        String id = record.key();
        boolean applied = id != null && QuarkusTransaction.requiringNew().call(() -> lifecycle.rejected(id, stage, reason));
        if (applied) {
            registry.counter("storyline.articles.rejected", "stage", stage).increment();
        } else {
            LOG.warnf("%s holds a record for no article that ingest knows (key %s): %s", topic, id, reason);
        }
    }
}
