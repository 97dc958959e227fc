package dev.storyline.support.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A poll of keyed records, read: each decoded once per id (a repeat within the poll is dropped), in the order given;
 * a record that cannot be decoded is dead-lettered on the spot. Keeps each item's record, so a later failure can
 * dead-letter it too.
 */
public final class Poll<T> {

    private final Map<String, ConsumerRecord<String, byte[]>> recordOf = new LinkedHashMap<>();
    private final List<T> items = new ArrayList<>();

    private Poll() {
    }

    public static <T> Poll<T> read(ConsumerRecords<String, byte[]> records, Function<byte[], T> decode,
            Function<T, String> idOf, Comparator<T> order, DeadLetters deadLetters) throws Exception {
        Poll<T> poll = new Poll<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                T item = decode.apply(record.value());
                if (poll.recordOf.putIfAbsent(idOf.apply(item), record) == null) {
                    poll.items.add(item);
                }
            } catch (RuntimeException unreadable) {
                deadLetters.send(record, unreadable);
            }
        }
        poll.items.sort(order);
        return poll;
    }

    /** The decoded items, one per id, in the order given. */
    public List<T> items() {
        return items;
    }

    public Set<String> ids() {
        return recordOf.keySet();
    }

    public ConsumerRecord<String, byte[]> recordOf(String id) {
        return recordOf.get(id);
    }
}
