package dev.storyline.clean.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.storyline.clean.store.CleanedArticle;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;

/**
 * {@code articles.raw} to {@code articles.clean}. For each record: clean it (unless it was cleaned before), store
 * it, publish it and wait for Kafka's acknowledgement; only then does the method return and the raw record get
 * acknowledged. A failure sends the record to {@code articles.raw.dlq} with the reason and consumption goes on.
 * A second delivery of the same id republishes the stored article unchanged.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    @Inject
    CleaningService cleaning;

    @Inject
    @Channel("articles-clean-out")
    Emitter<byte[]> out;

    @ConfigProperty(name = "storyline.clean.publish-timeout-ms", defaultValue = "30000")
    long publishTimeoutMs;

    @Incoming("articles-raw-in")
    @Blocking(ordered = false)
    public void consume(byte[] payload) throws Exception {
        RawArticle raw = MessageCodec.RAW_ARTICLE.decode(payload);
        CleanArticle clean;
        try {
            CleanedArticle existing = QuarkusTransaction.requiringNew().call(() -> CleanedArticle.findById(raw.id()));
            if (existing != null) {
                clean = existing.toMessage();
            } else {
                // Extraction runs outside any transaction: a large page must not hold a connection.
                CleanArticle made = cleaning.clean(raw);
                QuarkusTransaction.requiringNew().run(() -> CleanedArticle.from(made).persist());
                clean = made;
            }
        } catch (RuntimeException e) {
            // Two deliveries of one id processed at once: the other one stored it first; use what it stored.
            CleanedArticle stored = QuarkusTransaction.requiringNew().call(() -> CleanedArticle.findById(raw.id()));
            if (stored == null) {
                throw e;
            }
            clean = stored.toMessage();
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        out.send(Message.of(MessageCodec.CLEAN_ARTICLE.encode(clean))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(clean.id()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.get(publishTimeoutMs, TimeUnit.MILLISECONDS);
        LOG.debugf("cleaned %s: %d paragraphs", clean.id(), clean.paragraphs().size());
    }
}
