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
import dev.storyline.contracts.ArticleStatus;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;

/**
 * {@code articles.raw} to {@code articles.clean}. For each record: clean it (unless it was cleaned before), store
 * it, publish it and its verdict ({@code articles.status}) and wait for Kafka's acknowledgements; only then does
 * the method return and the raw record get acknowledged. An item that holds no article gets a REJECTED verdict
 * with the reason. A record that cannot be processed at all goes to {@code articles.raw.dlq} with the reason and
 * consumption goes on. A second delivery of the same id republishes the stored article unchanged.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    @Inject
    CleaningService cleaning;

    @Inject
    @Channel("articles-clean-out")
    Emitter<byte[]> out;

    @Inject
    @Channel("articles-status-out")
    Emitter<byte[]> verdicts;

    @ConfigProperty(name = "storyline.clean.publish-timeout-ms", defaultValue = "30000")
    long publishTimeoutMs;

    @Incoming("articles-raw-in")
    @Blocking(ordered = false)
    public void consume(byte[] payload) throws Exception {
        RawArticle raw = MessageCodec.RAW_ARTICLE.decode(payload);
        CleaningService.Verdict verdict = cleanOnce(raw);
        if (verdict.article() == null) {
            LOG.infof("rejected %s: %s", raw.id(), verdict.rejection());
            send(verdicts, raw.id(), MessageCodec.ARTICLE_STATUS.encode(
                    ArticleStatus.rejected(raw.id(), "clean", verdict.rejection()))).get(publishTimeoutMs, TimeUnit.MILLISECONDS);
            return;
        }
        CleanArticle clean = verdict.article();
        CompletableFuture.allOf(
                send(out, clean.id(), MessageCodec.CLEAN_ARTICLE.encode(clean)),
                send(verdicts, clean.id(), MessageCodec.ARTICLE_STATUS.encode(ArticleStatus.cleaned(clean.id()))))
                .get(publishTimeoutMs, TimeUnit.MILLISECONDS);
        LOG.debugf("cleaned %s: %d paragraphs%s", clean.id(), clean.paragraphs().size(), clean.brief() ? " (brief)" : "");
    }

    /** The stored article when there is one, else a fresh verdict (stored when it is an article). */
    private CleaningService.Verdict cleanOnce(RawArticle raw) {
        try {
            CleanedArticle existing = QuarkusTransaction.requiringNew().call(() -> CleanedArticle.findById(raw.id()));
            if (existing != null) {
                return new CleaningService.Verdict(existing.toMessage(), null);
            }
            // Extraction runs outside any transaction: a large page must not hold a connection.
            CleaningService.Verdict made = cleaning.clean(raw);
            if (made.article() != null) {
                QuarkusTransaction.requiringNew().run(() -> CleanedArticle.from(made.article()).persist());
            }
            return made;
        } catch (RuntimeException e) {
            // Two deliveries of one id processed at once: the other one stored it first; use what it stored.
            CleanedArticle stored = QuarkusTransaction.requiringNew().call(() -> CleanedArticle.findById(raw.id()));
            if (stored == null) {
                throw e;
            }
            return new CleaningService.Verdict(stored.toMessage(), null);
        }
    }

    private static CompletableFuture<Void> send(Emitter<byte[]> emitter, String key, byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
