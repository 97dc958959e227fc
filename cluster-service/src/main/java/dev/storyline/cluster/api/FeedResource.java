package dev.storyline.cluster.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.storyline.cluster.feeds.StoryFeeds;
import dev.storyline.cluster.feeds.StoryFeeds.Entry;
import dev.storyline.cluster.feeds.StoryFeeds.Feed;
import dev.storyline.cluster.stories.StoryFilter;
import dev.storyline.cluster.stories.StoryReader;
import dev.storyline.cluster.stories.StoryViews.StoryArticle;
import dev.storyline.cluster.stories.StoryViews.StoryDetail;
import dev.storyline.cluster.stories.StoryViews.StorySummary;

/** The latest stories, and one story's articles, as feeds a feed reader can follow. */
@Path("/api")
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";
    private static final int LATEST = 50;

    @Inject
    StoryReader reader;

    @GET
    @Path("/stories/feed.atom")
    @Produces(ATOM)
    @Operation(summary = "The 50 most recently updated stories as an Atom feed")
    public String latestAtom(@Context UriInfo uri) {
        return StoryFeeds.atom(latest(uri, "feed.atom"));
    }

    @GET
    @Path("/stories/feed.json")
    @Produces(JSON_FEED)
    @Operation(summary = "The 50 most recently updated stories as a JSON Feed 1.1")
    public StoryFeeds.JsonFeed latestJson(@Context UriInfo uri) {
        return StoryFeeds.json(latest(uri, "feed.json"));
    }

    @GET
    @Path("/stories/{id}/feed.atom")
    @Produces(ATOM)
    @Operation(summary = "One story's articles as an Atom feed, newest first")
    public String storyAtom(@PathParam("id") String id, @Context UriInfo uri) {
        return StoryFeeds.atom(story(id, uri, "feed.atom"));
    }

    @GET
    @Path("/stories/{id}/feed.json")
    @Produces(JSON_FEED)
    @Operation(summary = "One story's articles as a JSON Feed 1.1, newest first")
    public StoryFeeds.JsonFeed storyJson(@PathParam("id") String id, @Context UriInfo uri) {
        return StoryFeeds.json(story(id, uri, "feed.json"));
    }

    private Feed latest(UriInfo uri, String file) {
        URI base = StoryResource.base(uri);
        List<StorySummary> stories = reader.page(StoryFilter.NONE, null, 0, LATEST).stories();
        List<Entry> entries = stories.stream().map(s -> new Entry("urn:storyline:story:" + s.id(), s.title(),
                base.resolve("stories/" + s.id()).toString(), s.size() + " articles from " + s.sources() + " sources",
                s.firstSeen(), s.lastUpdated())).toList();
        return new Feed("urn:storyline:stories", "Storyline: latest stories", base.toString(),
                base.resolve("api/stories/" + file).toString(), stories.isEmpty() ? Instant.EPOCH : stories.get(0).lastUpdated(), entries);
    }

    private Feed story(String id, UriInfo uri, String file) {
        URI base = StoryResource.base(uri);
        StoryDetail story = reader.story(id).orElseThrow(() -> new WebApplicationException("no story with id " + id, 404));
        List<StoryArticle> newestFirst = new ArrayList<>(story.articles());
        Collections.reverse(newestFirst);
        List<Entry> entries = newestFirst.stream().map(a -> new Entry("urn:storyline:article:" + a.id(),
                a.title(), a.url() != null ? a.url() : base.resolve("articles/" + a.id()).toString(), a.brief(),
                a.assignedAt(), a.assignedAt())).toList();
        return new Feed("urn:storyline:story:" + id, "Storyline: " + (story.title() == null ? id : story.title()),
                base.resolve("stories/" + id).toString(), base.resolve("api/stories/" + id + "/" + file).toString(),
                story.lastUpdated(), entries);
    }
}
