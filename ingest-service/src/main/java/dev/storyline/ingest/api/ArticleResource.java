package dev.storyline.ingest.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.storyline.ingest.intake.ArticleSubmission;
import dev.storyline.ingest.intake.IntakeService;
import dev.storyline.ingest.intake.RejectedSubmission;
import dev.storyline.ingest.store.IngestRecord;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    public static final String NDJSON = "application/x-ndjson";

    /** Strict on purpose: a misspelt field ("body" for "text") is an error the caller should hear about. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public record Accepted(String id, String externalId, String status) {
    }

    public record RejectedLine(int line, String error) {
    }

    public record BatchResult(int accepted, int duplicates, List<RejectedLine> rejected, List<String> ids) {
    }

    /** An article's ingest record and where it stands: in a story, rejected with a reason, or on its way. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ArticleView(String id, String externalId, String status, String storyId, String reason, String stage,
            Instant updatedAt, String url, String canonicalUrl, String source, String title, String published,
            String language, String contentType, String contentHash, Instant receivedAt, Instant publishedAt,
            int deliveries) {

        static ArticleView of(IngestRecord r) {
            return new ArticleView(r.id, r.externalId, r.status.name(), r.storyId, r.reason, r.stage, r.updatedAt, r.url,
                    r.canonicalUrl, r.source, r.title, r.published, r.language,
                    r.content.isEmpty() ? "none" : r.html ? "html" : "text", r.contentHash, r.receivedAt, r.publishedAt,
                    r.deliveries);
        }
    }

    @Inject
    IntakeService intake;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one article")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticleSubmission.class)))
    @APIResponse(responseCode = "202", description = "Accepted: a new article; with a url and neither html nor text, the page is fetched (status FETCHING, then on through the pipeline, or REJECTED by stage fetch with the reason)")
    @APIResponse(responseCode = "200", description = "A repeat (same externalId or canonical URL): the original id")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem says why")
    @APIResponse(responseCode = "413", description = "Content over the size limit")
    public Response submit(byte[] body) {
        IntakeService.Outcome outcome = intake.submit(parse(body));
        return Response.status(outcome.duplicate() ? 200 : 202)
                .entity(new Accepted(outcome.id(), outcome.externalId(), outcome.duplicate() ? "duplicate"
                        : outcome.fetching() ? "fetching" : "accepted"))
                .build();
    }

    @POST
    @Path("/batch")
    @Consumes({ NDJSON, "application/jsonl", MediaType.TEXT_PLAIN })
    @Operation(summary = "Submit many articles as NDJSON, one JSON object per line; one bad line does not sink the batch")
    @APIResponse(responseCode = "202", description = "Counts, the rejected lines with reasons, and the id of every line taken")
    public Response batch(InputStream body) throws IOException {
        int accepted = 0;
        int duplicates = 0;
        List<RejectedLine> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<ArticleSubmission> submissions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    submissions.add(parse(line));
                    numbers.add(number);
                } catch (RejectedSubmission e) {
                    rejected.add(new RejectedLine(number, e.getMessage()));
                }
            }
        }
        List<IntakeService.Result> results = intake.submitAll(submissions);
        for (int i = 0; i < results.size(); i++) {
            IntakeService.Result r = results.get(i);
            if (r.refused() != null) {
                rejected.add(new RejectedLine(numbers.get(i), r.refused().getMessage()));
            } else {
                ids.add(r.outcome().id());
                if (r.outcome().duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedLine::line));
        if (accepted + duplicates + rejected.size() == 0) {
            throw RejectedSubmission.badRequest("the batch is empty: send one JSON object per line");
        }
        return Response.status(202).entity(new BatchResult(accepted, duplicates, rejected, ids)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An article's ingest record and status: RECEIVED, PUBLISHED (Kafka has it), CLEANED, then "
            + "CLUSTERED (with storyId) or REJECTED (with reason and stage)")
    public ArticleView get(@PathParam("id") String id) {
        return IngestRecord.<IngestRecord>findByIdOptional(id).map(ArticleView::of)
                .orElseThrow(() -> new RejectedSubmission(404, "no article with id " + id));
    }

    @GET
    @Path("/by-external-id/{externalId: .+}")
    @Operation(summary = "The same, by the integrator's externalId (percent-encoded; it may be a URL, slashes included)")
    public ArticleView byExternalId(@PathParam("externalId") String externalId) {
        return IngestRecord.findByExternalId(externalId).map(ArticleView::of)
                .orElseThrow(() -> new RejectedSubmission(404, "no article with externalId " + externalId));
    }

    private ArticleSubmission parse(byte[] body) {
        return counted(body == null || body.length == 0, () -> STRICT.readValue(body, ArticleSubmission.class));
    }

    /** A batch line, parsed from the text the reader decoded (not encoded again). */
    private ArticleSubmission parse(String line) {
        return counted(false, () -> STRICT.readValue(line, ArticleSubmission.class));
    }

    private ArticleSubmission counted(boolean empty, JsonRead json) {
        try {
            return read(empty, json);
        } catch (RejectedSubmission e) {
            intake.countRejected();
            throw e;
        }
    }

    /** Jackson's read of one submission, from bytes or from text. */
    @FunctionalInterface
    private interface JsonRead {
        ArticleSubmission read() throws IOException;
    }

    private static ArticleSubmission read(boolean empty, JsonRead json) {
        if (empty) {
            throw RejectedSubmission.badRequest("the body is empty: send a JSON object describing one article");
        }
        try {
            ArticleSubmission s = json.read();
            if (s == null) {
                throw RejectedSubmission.badRequest("the body must be a JSON object, not null");
            }
            return s;
        } catch (UnrecognizedPropertyException e) {
            throw RejectedSubmission.badRequest("unknown field '" + e.getPropertyName() + "'; known fields are "
                    + "externalId, url, source, title, published, language, html, text");
        } catch (JsonProcessingException e) {
            throw RejectedSubmission.badRequest("the body is not a valid article JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RejectedSubmission.badRequest("the body cannot be read: " + e.getMessage());
        }
    }
}
