package dev.storyline.clean.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.clean.pipeline.CleaningService;
import dev.storyline.clean.store.CleanedArticle;
import dev.storyline.contracts.CleanArticle;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CleanResource {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The same JSON an integrator posts to ingest-service. */
    public record Submission(String externalId, String url, String source, String title, String published,
            String language, String html, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cleaned(String title, String byline, List<String> bylines, String published, String siteName,
            String language, String canonicalUrl, String description, String text, List<String> paragraphs,
            String reason, List<String> dropped) {

        static Cleaned of(Extraction e, boolean explain) {
            return new Cleaned(e.title(), e.bylines().isEmpty() ? null : String.join(", ", e.bylines()), e.bylines(),
                    e.published(), e.siteName(), e.language(), e.canonicalUrl(), e.description(), e.text(),
                    e.paragraphs(), e.reason(), explain ? e.dropped() : null);
        }
    }

    @Inject
    CleaningService cleaning;

    @ConfigProperty(name = "storyline.clean.max-page-bytes")
    long maxPageBytes;

    @POST
    @Path("/clean")
    @Consumes({ MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON })
    @Operation(summary = "Clean one item now; stores nothing. ?explain=true lists what was dropped and why.")
    public Cleaned clean(byte[] body, @jakarta.ws.rs.core.Context HttpHeaders headers,
            @QueryParam("explain") boolean explain) {
        if (body == null || body.length == 0) {
            throw new WebApplicationException("the body is empty: send HTML, plain text or an article JSON object", 400);
        }
        if (body.length > maxPageBytes) {
            throw new WebApplicationException("the body is " + body.length + " bytes; the limit is " + maxPageBytes, 413);
        }
        MediaType type = headers.getMediaType();
        RawInput input;
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            Submission s;
            try {
                s = STRICT.readValue(body, Submission.class);
            } catch (Exception e) {
                throw new WebApplicationException("the body is not a valid article JSON object: " + e.getMessage(), 400);
            }
            if (s == null || (s.html() == null) == (s.text() == null)) {
                throw new WebApplicationException("exactly one of html or text is required", 400);
            }
            input = new RawInput(s.html() != null ? s.html() : s.text(), s.title(), s.url(), s.published(), s.language());
        } else {
            input = RawInput.of(Decoding.decode(body, type == null ? null : type.getParameters().get("charset")));
        }
        return Cleaned.of(cleaning.extract(input), explain);
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "A cleaned article, by ingest id")
    public CleanArticle article(@PathParam("id") String id) {
        CleanedArticle a = CleanedArticle.findById(id);
        if (a == null) {
            throw new WebApplicationException("no cleaned article with id " + id, 404);
        }
        return a.toMessage();
    }
}
