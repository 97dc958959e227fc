package dev.storyline.cluster.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;

/**
 * Every story event, as it reaches {@code stories.events}, to every reader holding a live stream. Each replica reads
 * the topic in a consumer group of its own (from the newest event on), so a reader on any replica sees every
 * decision, whichever replica made it. A reader too slow to keep up is cut off rather than holding the others back
 * (a browser's EventSource reconnects by itself); the page it reloads is always complete.
 */
@ApplicationScoped
public class StoryEventBroadcast {

    private static final Logger LOG = Logger.getLogger(StoryEventBroadcast.class);
    /** Events a slow reader may fall behind before it is cut off. */
    private static final int READER_BUFFER = 256;

    private final Set<MultiEmitter<? super StoryEvent>> readers = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();

    StoryEventBroadcast(MeterRegistry registry) {
        registry.gauge("storyline_live_readers", readers, Set::size);
        registry.more().counter("storyline_live_events_delivered", List.of(), delivered);
    }

    @Incoming("stories-events-live")
    void onEvent(byte[] payload) {
        StoryEvent event;
        try {
            event = MessageCodec.STORY_EVENT.decode(payload);
        } catch (RuntimeException e) {
            LOG.warnf("live stream: skipped an unreadable story event (%s)", e.getMessage());
            return;
        }
        for (MultiEmitter<? super StoryEvent> reader : readers) {
            reader.emit(event);
            delivered.incrementAndGet();
        }
    }

    /** The events from now on, until the reader goes away. */
    public Multi<StoryEvent> events() {
        return Multi.createFrom().<StoryEvent>emitter(emitter -> {
            readers.add(emitter);
            emitter.onTermination(() -> readers.remove(emitter));
        }, READER_BUFFER);
    }

    public int readers() {
        return readers.size();
    }
}
