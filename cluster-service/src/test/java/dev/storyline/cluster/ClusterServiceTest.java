package dev.storyline.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.storyline.cluster.api.StoryResource;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;
import dev.storyline.contracts.Topics;
import dev.storyline.testsupport.EmbeddedInfra;
import dev.storyline.testsupport.InfraResource;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "cluster_test"))
class ClusterServiceTest {

    private static final String QUAKE = "A magnitude 6.1 earthquake struck near the coastal town of Ferndale on "
            + "Tuesday, damaging bridges and cutting power to thousands of homes across Humboldt County, officials said.";

    private static CleanArticle article(String id, String title, String text) {
        return new CleanArticle(1, id, "ext-" + id, "https://example.org/" + id, null, "test", title, List.of(),
                "2025-08-20", null, "en", null, List.of(text), text, Instant.now(), Instant.now(), false,
                List.of("furniture: Subscribe to our newsletter"));
    }

    @Test
    void articlesBecomeStoriesWithEventsAndBadRecordsGoToTheDeadLetterTopic() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(
                    new ProducerRecord<>(Topics.ARTICLES_CLEAN, a, MessageCodec.CLEAN_ARTICLE.encode(article(a, "Quake hits Ferndale", QUAKE))),
                    new ProducerRecord<>(Topics.ARTICLES_CLEAN, "bad", "{\"schemaVersion\":9}".getBytes(StandardCharsets.UTF_8)),
                    new ProducerRecord<>(Topics.ARTICLES_CLEAN, b, MessageCodec.CLEAN_ARTICLE.encode(article(b, "Quake hits Ferndale", QUAKE))))
                    .awaitCompletion(Duration.ofSeconds(30));

            String storyA = awaitStory(a);
            String storyB = awaitStory(b);
            assertEquals(storyA, storyB);
            // Different keys, different partitions: either may be clustered first; the later one is the copy.
            String copyOfB = given().get("/api/articles/" + b + "/story").then().extract().path("nearDuplicateOf");
            String copyOfA = given().get("/api/articles/" + a + "/story").then().extract().path("nearDuplicateOf");
            assertTrue((a.equals(copyOfB) && copyOfA == null) || (b.equals(copyOfA) && copyOfB == null),
                    "exactly one is marked a copy of the other: " + copyOfA + " / " + copyOfB);
            given().get("/api/articles/by-external-id/ext-" + a + "/story").then().statusCode(200)
                    .body("storyId", equalTo(storyA));
            given().get("/api/stories/" + storyA).then().statusCode(200)
                    .body("size", equalTo(2)).body("articles", hasSize(2)).body("title", equalTo("Quake hits Ferndale"));
            given().get("/api/stories?limit=10").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(storyA));
            String ndjson = given().get("/api/assignments").then().statusCode(200).extract().asString();
            assertTrue(ndjson.contains("\"articleId\":\"" + a + "\""), ndjson);
            storiesApiFiltersPagesAndExplains(a, storyA);

            // A redelivery changes nothing.
            kafka.produce(String.class, byte[].class).fromRecords(new ProducerRecord<>(Topics.ARTICLES_CLEAN, a,
                    MessageCodec.CLEAN_ARTICLE.encode(article(a, "Quake hits Ferndale", QUAKE))))
                    .awaitCompletion(Duration.ofSeconds(30));

            var events = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.STORIES_EVENTS).awaitRecords(2, Duration.ofSeconds(30));
            List<StoryEvent> mine = events.getRecords().stream().map(ConsumerRecord::value)
                    .map(MessageCodec.STORY_EVENT::decode).filter(e -> e.storyId().equals(storyA)).toList();
            events.stop();
            assertEquals(StoryEvent.Type.STORY_CREATED, mine.get(0).type());
            assertEquals(StoryEvent.Type.ARTICLE_ADDED, mine.get(1).type());

            var dead = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.ARTICLES_CLEAN + Topics.DLQ_SUFFIX).awaitRecords(1, Duration.ofSeconds(30));
            String reason = new String(dead.getFirstRecord().headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            dead.stop();
            assertTrue(reason.contains("schemaVersion 9"), reason);
        }
        Thread.sleep(1000);
        given().get("/api/stories/" + awaitStory(a)).then().body("size", equalTo(2));
    }

    /** What the browser and integrators read: facets, filters, cursor paging, the article in full, feeds. */
    private static void storiesApiFiltersPagesAndExplains(String articleId, String storyId) {
        given().get("/api/stories/" + storyId).then().statusCode(200)
                .body("sources", equalTo(1)).body("languages", hasItem("en"))
                .body("articles[0].source", equalTo("example.org")).body("articles[0].brief", startsWith("A magnitude"))
                .body("timeline.kind", hasItem("CREATED")).body("timeline.kind", hasItem("ARTICLE_PUBLISHED"));
        given().queryParam("q", "ferndale earthquake").get("/api/stories").then().statusCode(200)
                .body("id", hasItem(storyId));
        given().queryParam("q", "\"ferndale tsunami\"").get("/api/stories").then().statusCode(200)
                .body("id", not(hasItem(storyId)));
        given().queryParam("source", "example.org").queryParam("language", "en").get("/api/stories").then()
                .statusCode(200).body("id", hasItem(storyId));
        given().queryParam("language", "xx").get("/api/stories").then().statusCode(200).body("id", not(hasItem(storyId)));
        given().queryParam("from", "2999-01-01").get("/api/stories").then().statusCode(200).body("$", hasSize(0));

        // Cursor paging walks every story once, newest update first.
        var first = given().queryParam("limit", 1).get("/api/stories").then().statusCode(200).extract();
        String next = first.header(StoryResource.NEXT_CURSOR);
        if (next != null) {
            assertTrue(first.header("Link").contains("rel=\"next\""), first.header("Link"));
            List<String> second = given().queryParam("limit", 1).queryParam("cursor", next).get("/api/stories").then()
                    .statusCode(200).extract().path("id");
            assertTrue(!second.contains(first.path("[0].id")), "a cursor page repeats nothing");
        }
        given().queryParam("cursor", "not-a-cursor").get("/api/stories").then().statusCode(400)
                .body("detail", containsString("cursor"));
        given().queryParam("from", "yesterday").get("/api/stories").then().statusCode(400)
                .body("detail", containsString("from must be a date"));

        given().get("/api/articles/" + articleId).then().statusCode(200).body("storyId", equalTo(storyId))
                .body("paragraphs[0]", startsWith("A magnitude")).body("dropped", hasItem(containsString("Subscribe")));
        String atom = given().get("/api/stories/feed.atom").then().statusCode(200)
                .contentType(containsString("atom+xml")).extract().asString();
        assertTrue(atom.contains("urn:storyline:story:" + storyId), atom);
        given().get("/api/stories/feed.json").then().statusCode(200)
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("items.id", hasItem("urn:storyline:story:" + storyId));
        given().get("/api/stories/" + storyId + "/feed.json").then().statusCode(200).body("items", hasSize(2));
        String after = given().queryParam("after", Long.MAX_VALUE - 1).get("/api/assignments").then().statusCode(200)
                .extract().asString();
        assertEquals("", after, "nothing is newer than the newest decision");
    }

    @Test
    void unknownThingsAre404AndBadPagingIs400() {
        given().get("/api/articles/none/story").then().statusCode(404).body("detail", containsString("not clustered"));
        given().get("/api/stories/none").then().statusCode(404);
        given().get("/api/stories?limit=0").then().statusCode(400);
    }

    private static String awaitStory(String articleId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var r = given().get("/api/articles/" + articleId + "/story");
            if (r.statusCode() == 200) {
                return r.path("storyId");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("article " + articleId + " was never clustered");
    }
}
