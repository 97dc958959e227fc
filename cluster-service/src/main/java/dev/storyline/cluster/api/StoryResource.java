package dev.storyline.cluster.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.cluster.store.Membership;
import dev.storyline.cluster.store.Story;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    /** Assignments hold only strings: a plain mapper, no module discovery (native-friendly). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    public record StorySummary(String id, String title, int size, Instant firstSeen, Instant lastUpdated) {
        static StorySummary of(Story s) {
            return new StorySummary(s.id, s.title, s.size, s.firstSeen, s.lastUpdated);
        }
    }

    public record StoryArticle(String id, String externalId, String title, String url, String published,
            String nearDuplicateOf) {
    }

    public record StoryDetail(String id, String title, int size, Instant firstSeen, Instant lastUpdated,
            List<StoryArticle> articles) {
    }

    public record Assignment(String articleId, String externalId, String storyId, String nearDuplicateOf) {
        static Assignment of(Membership m) {
            return new Assignment(m.articleId, m.externalId, m.storyId, m.nearDuplicateOf);
        }
    }

    @GET
    @Path("/stories")
    @Operation(summary = "Stories, most recently updated first")
    public List<StorySummary> stories(@QueryParam("limit") @DefaultValue("50") String limitParam,
            @QueryParam("offset") @DefaultValue("0") String offsetParam) {
        int limit = QueryParams.integer("limit", limitParam, 1, 1000);
        int offset = QueryParams.integer("offset", offsetParam, 0, Integer.MAX_VALUE);
        return Story.<Story>find("mergedInto is null order by lastUpdated desc, id").range(offset, offset + limit - 1)
                .list().stream().map(StorySummary::of).toList();
    }

    @GET
    @Path("/stories/{id}")
    @Operation(summary = "A story and its articles, in the order they were assigned")
    public StoryDetail story(@PathParam("id") String id) {
        Story s = Story.findById(id);
        if (s == null) {
            throw new WebApplicationException("no story with id " + id, 404);
        }
        List<StoryArticle> articles = Membership.<Membership>find("storyId = ?1 order by seq", id).list().stream()
                .map(m -> new StoryArticle(m.articleId, m.externalId, m.title, m.url, m.published, m.nearDuplicateOf))
                .toList();
        return new StoryDetail(s.id, s.title, s.size, s.firstSeen, s.lastUpdated, articles);
    }

    @GET
    @Path("/articles/{id}/story")
    @Operation(summary = "The story of an article, by ingest id; 404 until it is clustered")
    public Assignment storyOf(@PathParam("id") String id) {
        Membership m = Membership.findById(id);
        if (m == null) {
            throw new WebApplicationException("article " + id + " is not clustered (yet)", 404);
        }
        return Assignment.of(m);
    }

    @GET
    @Path("/articles/by-external-id/{externalId: .+}/story")
    @Operation(summary = "The story of an article, by the integrator's externalId (percent-encoded; it may be a URL, "
            + "slashes included); 404 until it is clustered")
    public Assignment storyOfExternal(@PathParam("externalId") String externalId) {
        Membership m = Membership.<Membership>find("externalId", externalId).firstResult();
        if (m == null) {
            throw new WebApplicationException("no clustered article with externalId " + externalId, 404);
        }
        return Assignment.of(m);
    }

    @GET
    @Path("/assignments")
    @Produces("application/x-ndjson")
    @Operation(summary = "Every clustered article's assignment, one JSON object per line, in assignment order")
    public StreamingOutput assignments() {
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            long after = -1;
            while (true) {
                long from = after;
                List<Membership> page = QuarkusTransaction.requiringNew().call(() ->
                        Membership.<Membership>find("seq > ?1 order by seq", from).page(0, PAGE).list());
                for (Membership m : page) {
                    writer.write(JSON.writeValueAsString(Assignment.of(m)));
                    writer.write('\n');
                    after = m.seq;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            writer.flush();
        };
    }
}
