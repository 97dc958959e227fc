package dev.storyline.ingest.api;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;

import dev.storyline.ingest.feeds.Feed;
import dev.storyline.ingest.feeds.FeedService;
import dev.storyline.ingest.intake.RejectedSubmission;

/** Feeds ingest polls by itself: subscribe, list with health, remove, poll now, OPML in and out. */
@Path("/api/feeds")
@Tag(name = "feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Schema(description = "A feed to subscribe to")
    public record Subscription(@Schema(description = "The feed's URL (RSS, Atom or JSON Feed)", required = true) String url,
            @Schema(description = "Seconds between polls; default 900, at least 60") Integer intervalSeconds) {
    }

    @Schema(description = "A feed and its health")
    public record FeedView(String id, String url, String title, String siteUrl, String format,
            @Schema(enumeration = { "NEW", "OK", "FAILING" }) String status, int intervalSeconds,
            Instant lastFetchedAt, Instant lastSuccessAt,
            @Schema(description = "Why the last poll failed, or what had to be repaired to read it") String lastError,
            Instant nextFetchAt, @Schema(description = "Polls so far, 304s included") long polls, long itemsSeen,
            long itemsAccepted) {
        static FeedView of(Feed f) {
            return new FeedView(f.id, f.url, f.title, f.siteUrl, f.format, f.status.name(), f.intervalSeconds,
                    f.lastFetchedAt, f.lastSuccessAt, f.lastError, f.nextFetchAt, f.polls, f.itemsSeen, f.itemsAccepted);
        }
    }

    @Inject
    FeedService feeds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to a feed")
    @APIResponse(responseCode = "201", description = "Subscribed; the first poll comes within seconds")
    @APIResponse(responseCode = "200", description = "Already subscribed: the feed as it is")
    @APIResponse(responseCode = "400", description = "Not an http(s) URL, or an interval under the minimum")
    public Response subscribe(Subscription body) {
        if (body == null) {
            throw RejectedSubmission.badRequest("send {\"url\": \"https://…/feed.xml\"}");
        }
        FeedService.Subscribed s = feeds.subscribe(body.url(), body.intervalSeconds());
        return Response.status(s.created() ? 201 : 200).entity(FeedView.of(s.feed())).build();
    }

    @GET
    @Operation(summary = "Every feed with its health, oldest subscription first")
    public List<FeedView> list() {
        return Feed.<Feed>listAll(Sort.by("createdAt")).stream().map(FeedView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed and its health")
    public FeedView get(@PathParam("id") String id) {
        return FeedView.of(feeds.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe (articles already taken stay)")
    @APIResponse(responseCode = "204", description = "Gone")
    public Response delete(@PathParam("id") String id) {
        feeds.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/refresh")
    @Operation(summary = "Poll this feed now (within a few seconds)")
    @APIResponse(responseCode = "202", description = "Due now")
    public Response refresh(@PathParam("id") String id) {
        return Response.accepted(FeedView.of(feeds.refreshNow(id))).build();
    }

    @POST
    @Path("/opml")
    @Consumes({ "text/x-opml", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN })
    @Operation(summary = "Import an OPML 1.0 or 2.0 subscription list (nested outlines included)")
    @APIResponse(responseCode = "200", description = "What was added, what existed already, what was refused and why")
    public FeedService.Imported importOpml(String opml) {
        if (opml == null || opml.isBlank()) {
            throw RejectedSubmission.badRequest("send an OPML document");
        }
        return feeds.importOpml(opml);
    }

    @GET
    @Path("/opml")
    @Produces("text/x-opml")
    @Operation(summary = "Every feed as OPML 2.0")
    public String exportOpml() {
        return feeds.exportOpml();
    }
}
