package dev.storyline.cluster.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.storyline.cluster.stories.InvalidQuery;
import dev.storyline.cluster.stories.StoryCursor;
import dev.storyline.cluster.stories.StoryFilter;
import dev.storyline.cluster.stories.StoryReader;
import dev.storyline.cluster.stories.StoryViews.ArticleDetail;
import dev.storyline.cluster.stories.StoryViews.StoryDetail;
import dev.storyline.cluster.stories.StoryViews.StoryPage;
import dev.storyline.cluster.stories.StoryViews.StorySummary;
import dev.storyline.support.http.Problem;

/** Stories and articles for integrators: filtered, cursor-paged lists, a story in full, an article in full. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    /** The cursor of the next page, also given as a {@code Link: <…>; rel="next"} header. */
    public static final String NEXT_CURSOR = "Storyline-Next-Cursor";
    static final String STORY_EXAMPLE = "[{\"id\":\"0f8e…\",\"title\":\"NATO defence chiefs hold virtual meeting on "
            + "Ukraine security guarantees\",\"size\":5,\"sources\":5,\"languages\":[\"en\"],"
            + "\"firstSeen\":\"2025-08-20T10:02:11Z\",\"lastUpdated\":\"2025-08-20T10:02:12Z\"}]";

    @Inject
    StoryReader reader;

    @GET
    @Path("/stories")
    @Operation(summary = "Stories, most recently updated first, filtered and paged",
            description = "Page with cursor (the next page's cursor is in the Storyline-Next-Cursor header and the "
                    + "Link header, rel=\"next\"; absent on the last page) or with offset, as before. The body stays a "
                    + "JSON array of stories.")
    @APIResponse(responseCode = "200", description = "a page of stories",
            headers = @Header(name = NEXT_CURSOR, description = "the cursor of the next page; absent on the last"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StorySummary[].class),
                    examples = @ExampleObject(name = "page", value = STORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "a malformed filter, cursor or paging parameter")
    public Response stories(
            @Parameter(description = "words in titles and leads; \"quotes\" for a phrase, -word to exclude",
                    example = "nato ukraine") @QueryParam("q") String q,
            @Parameter(description = "updated at or after: a date (its start, UTC) or an instant",
                    example = "2025-08-20") @QueryParam("from") String from,
            @Parameter(description = "first seen before: a date (the end of it, UTC) or an instant",
                    example = "2025-08-21") @QueryParam("to") String to,
            @Parameter(description = "an outlet: the host of an article's URL", example = "apnews.com")
            @QueryParam("source") String source,
            @Parameter(description = "ISO 639-1 language of an article", example = "en")
            @QueryParam("language") String language,
            @Parameter(description = "a previous page's next cursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") String limitParam,
            @QueryParam("offset") @DefaultValue("0") String offsetParam,
            @Context UriInfo uri) {
        int limit = QueryParams.integer("limit", limitParam, 1, 1000);
        int offset = QueryParams.integer("offset", offsetParam, 0, Integer.MAX_VALUE);
        StoryPage page = reader.page(StoryFilter.parse(q, from, to, source, language),
                cursor == null || cursor.isBlank() ? null : StoryCursor.decode(cursor), offset, limit);
        Response.ResponseBuilder response = Response.ok(page.stories());
        if (page.next() != null) {
            URI next = uri.getRequestUriBuilder().replaceQueryParam("offset").replaceQueryParam("cursor", page.next())
                    .build();
            response.header(NEXT_CURSOR, page.next()).link(next, "next");
        }
        return response.build();
    }

    @GET
    @Path("/stories/{id}")
    @Operation(summary = "A story in full: its articles in publication order (source, language, brief, copy link), "
            + "its timeline and the stories merged into it")
    @APIResponse(responseCode = "404", description = "no such story")
    public StoryDetail story(@PathParam("id") String id) {
        return reader.story(id).orElseThrow(() -> new WebApplicationException("no story with id " + id, 404));
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "A clustered article in full: its cleaned text, the metadata found, and what the cleaner "
            + "left out and why")
    @APIResponse(responseCode = "404", description = "not clustered (yet)")
    public ArticleDetail article(@PathParam("id") String id) {
        return reader.article(id)
                .orElseThrow(() -> new WebApplicationException("article " + id + " is not clustered (yet)", 404));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidQuery e) {
        return Problem.response(400, e.getMessage());
    }

    static URI base(UriInfo uri) {
        return UriBuilder.fromUri(uri.getBaseUri()).replacePath("/").build();
    }
}
