package dev.storyline.cluster.api;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Multi;

import dev.storyline.cluster.live.StoryEventBroadcast;
import dev.storyline.contracts.MessageCodec;

/** Story events as they happen, as server-sent events: what the browser's front page listens to. */
@Path("/api")
public class StoryStreamResource {

    /** A comment now and then keeps proxies from closing an idle stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    @Inject
    StoryEventBroadcast broadcast;

    @GET
    @Path("/stories/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Story events from now on, as server-sent events",
            description = "Each event is named after its type (STORY_CREATED, ARTICLE_ADDED, STORIES_MERGED), has the "
                    + "event's id as its id, and carries the StoryEvent v1 JSON (schemas/story-event.v1.json) as its "
                    + "data. A client too slow to keep up is cut off; reconnect and reload what you show.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> events = broadcast.events().map(e -> sse.newEventBuilder().name(e.type().name())
                .id(e.eventId()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new String(MessageCodec.STORY_EVENT.encode(e), java.nio.charset.StandardCharsets.UTF_8))
                .build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, keepAlive);
    }
}
