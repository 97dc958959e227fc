package dev.storyline.support.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends keyed records through an emitter, each answering a future that completes when Kafka acknowledged it. */
public final class Acknowledged {

    private Acknowledged() {
    }

    public static CompletableFuture<Void> send(Emitter<byte[]> emitter, String key, byte[] value) {
        return send(emitter, OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build(), value);
    }

    public static CompletableFuture<Void> send(Emitter<byte[]> emitter, String key, Headers headers, byte[] value) {
        return send(emitter, OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build(),
                value);
    }

    /** Waits for all the sends, at most the timeout in all; fails with the first send Kafka refused. */
    public static void awaitAll(List<CompletableFuture<Void>> acks, Duration timeout) throws Exception {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<Void> send(Emitter<byte[]> emitter, OutgoingKafkaRecordMetadata<String> metadata,
            byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(value).addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    acked.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
