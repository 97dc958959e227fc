package dev.storyline.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends one consumed record that cannot be processed to its dead-letter topic, with the same key and value and the
 * headers SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, and where the record came from), so
 * that ingest marks its article rejected and {@code redrive.sh} can send it back. Batch consumers need this per
 * record: the connector's strategy would dead-letter a whole batch.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "dead-letter-reason";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<byte[]> emitter;
    private final Duration timeout;

    /** @param emitter a channel to the dead-letter topic */
    public DeadLetters(Emitter<byte[]> emitter, Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    /** Sends the record and waits until Kafka acknowledged it. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable cause) throws Exception {
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        LOG.warnf("dead-lettering %s from %s-%d@%d: %s", record.key(), record.topic(), record.partition(),
                record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, bytes(reason));
        if (cause.getCause() != null) {
            headers.add("dead-letter-cause", bytes(String.valueOf(cause.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        Acknowledged.awaitAll(List.of(Acknowledged.send(emitter, record.key(), headers, record.value())),
                timeout);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
