package dev.storyline.clean.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

import dev.storyline.clean.store.CleanedArticles;
import dev.storyline.contracts.ArticleStatus;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;
import dev.storyline.support.messaging.Acknowledged;
import dev.storyline.support.messaging.DeadLetters;
import dev.storyline.support.messaging.Poll;
import dev.storyline.support.metrics.PollStages;

/**
 * {@code articles.raw} to {@code articles.clean}, a poll at a time. The poll's items are put in the order ingest
 * received them, cleaned by the workers (an item cleaned before is taken as stored: a redelivery republishes it
 * unchanged), stored in one transaction, and published in that order with their verdicts ({@code articles.status});
 * the poll is acknowledged once Kafka acknowledged all of it. An item that holds no article gets a REJECTED verdict
 * with the reason. A record that cannot be read or cleaned goes to {@code articles.raw.dlq} with the reason, alone.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    /** Ingest's order: when it received the item; the id settles ties. */
    static final Comparator<RawArticle> RECEIVED = Comparator
            .comparing(RawArticle::receivedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(RawArticle::id);

    @Inject
    CleaningWorkers workers;

    @Inject
    CleanedArticles store;

    @Inject
    CleanPipelineConfig config;

    @Inject
    @Channel("articles-clean-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<byte[]> out;

    @Inject
    @Channel("articles-status-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<byte[]> verdicts;

    @Inject
    @Channel("articles-raw-dlq-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<byte[]> deadLetterChannel;

    @Inject
    MeterRegistry registry;

    private DeadLetters deadLetters;
    private PollStages stages;

    @PostConstruct
    void init() {
        deadLetters = new DeadLetters(deadLetterChannel, config.publishTimeout());
        stages = new PollStages(registry, "articles-raw-in");
    }

    @Incoming("articles-raw-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        Poll<RawArticle> poll = stages.time("read", () -> Poll.read(records, MessageCodec.RAW_ARTICLE::decode,
                RawArticle::id, RECEIVED, deadLetters));
        List<RawArticle> items = poll.items();
        Map<String, CleanArticle> outcome = new LinkedHashMap<>(stages.time("lookup", () -> store.find(poll.ids())));
        Map<String, String> rejected = new LinkedHashMap<>();
        List<CleanArticle> made = new ArrayList<>();
        List<RawArticle> fresh = items.stream().filter(i -> !outcome.containsKey(i.id())).toList();
        for (CleaningWorkers.Result r : stages.time("clean", () -> workers.clean(fresh))) {
            if (r.failure() != null) {
                deadLetters.send(poll.recordOf(r.raw().id()), r.failure());
            } else if (r.verdict().article() == null) {
                LOG.infof("rejected %s: %s", r.raw().id(), r.verdict().rejection());
                rejected.put(r.raw().id(), r.verdict().rejection());
            } else {
                made.add(r.verdict().article());
            }
        }
        stages.time("store", () -> store.saveAll(made)).forEach(a -> outcome.put(a.id(), a));
        stages.run("publish", () -> publish(items, outcome, rejected));
    }

    /** Every verdict in the order of the items, then waits until Kafka acknowledged them all. */
    private void publish(List<RawArticle> items, Map<String, CleanArticle> cleaned, Map<String, String> rejected)
            throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (RawArticle item : items) {
            CleanArticle clean = cleaned.get(item.id());
            String reason = rejected.get(item.id());
            if (clean != null) {
                acks.add(Acknowledged.send(out, clean.id(), MessageCodec.CLEAN_ARTICLE.encode(clean)));
                acks.add(Acknowledged.send(verdicts, clean.id(),
                        MessageCodec.ARTICLE_STATUS.encode(ArticleStatus.cleaned(clean.id()))));
            } else if (reason != null) {
                acks.add(Acknowledged.send(verdicts, item.id(),
                        MessageCodec.ARTICLE_STATUS.encode(ArticleStatus.rejected(item.id(), "clean", reason))));
            }
        }
        Acknowledged.awaitAll(acks, config.publishTimeout());
    }
}
