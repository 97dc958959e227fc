import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records of a dead-letter topic back into the topic they came from, once the cause is fixed. Each record
 * is re-driven once: the consumer group storyline-redrive remembers how far it got. Every stage is idempotent on the
 * article id, so a record that had been processed after all changes nothing. Usage: see redrive.sh.
 */
public class Redrive {
    public static void main(String[] args) {
        if (args.length < 1 || !args[0].endsWith(".dlq")) {
            System.err.println("usage: redrive.sh <topic>.dlq [bootstrap-servers]");
            System.exit(2);
        }
        String dlq = args[0];
        String target = dlq.substring(0, dlq.length() - ".dlq".length());
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "storyline-redrive");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 33554432);
        long sent = 0;
        try (var consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(dlq));
            int idle = 0;
            while (idle < 3) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(2));
                if (records.isEmpty()) {
                    idle++;
                    continue;
                }
                idle = 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(target, r.key(), r.value());
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("dead-letter-")) {
                            out.headers().add(h);
                        }
                    }
                    producer.send(out);
                    sent++;
                }
                producer.flush();
                consumer.commitSync();
                System.out.printf("re-drove %d records from %s into %s%n", sent, dlq, target);
            }
        }
        System.out.printf("done: %d records re-driven from %s into %s%n", sent, dlq, target);
    }
}
