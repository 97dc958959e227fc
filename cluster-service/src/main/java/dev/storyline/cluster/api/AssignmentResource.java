package dev.storyline.cluster.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.cluster.store.Membership;

/** Which story each article is in: one at a time, or all of them in decision order from a cursor on. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    /** Assignments hold only strings and a number: a plain mapper, no module discovery (native-friendly). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    /** @param seq the decision's place in the order of decisions: pass the last one seen as {@code after} */
    public record Assignment(long seq, String articleId, String externalId, String storyId, String nearDuplicateOf) {
        static Assignment of(Membership m) {
            return new Assignment(m.seq, m.articleId, m.externalId, m.storyId, m.nearDuplicateOf);
        }
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
    @Operation(summary = "Clustered articles' assignments, one JSON object per line, in decision order",
            description = "Each line carries seq; pass the last seq read as after to read only what is new. An "
                    + "article's story can change when stories merge: its line is not repeated, but the merge is on "
                    + "stories.events and in GET /api/stories/{id}.")
    public StreamingOutput assignments(
            @Parameter(description = "only decisions after this seq", example = "1200")
            @QueryParam("after") @DefaultValue("0") String afterParam) {
        long start = QueryParams.longInteger("after", afterParam, 0, Long.MAX_VALUE);
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            long after = start;
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
