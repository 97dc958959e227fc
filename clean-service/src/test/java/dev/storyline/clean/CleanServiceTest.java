package dev.storyline.clean;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;
import dev.storyline.contracts.Topics;
import dev.storyline.testsupport.EmbeddedInfra;
import dev.storyline.testsupport.InfraResource;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "clean_test"))
class CleanServiceTest {

    @Test
    void cleansHtmlTextAndJsonSynchronously() {
        given().contentType("text/html").body("<html><body><p>Hello there, world.</p></body></html>")
                .post("/api/clean").then().statusCode(200)
                .body("text", equalTo("Hello there, world.")).body("paragraphs[0]", equalTo("Hello there, world."));
        given().contentType("text/plain").body("Council approves the new budget\n\nThe city council approved the budget "
                + "on Monday after a long debate.\n\nThe vote was unanimous, the mayor said.")
                .post("/api/clean").then().statusCode(200)
                .body("title", equalTo("Council approves the new budget"))
                .body("text", equalTo("The city council approved the budget on Monday after a long debate.\n\n"
                        + "The vote was unanimous, the mayor said."));
        given().contentType(ContentType.JSON).body(Map.of("title", "Hint", "text", "Just text."))
                .post("/api/clean?explain=true").then().statusCode(200)
                .body("title", equalTo("Hint")).body("text", equalTo("Just text."));
    }

    @Test
    void badInputIs4xxWithAJsonProblem() {
        given().contentType("text/html").body(new byte[0]).post("/api/clean")
                .then().statusCode(400).body("detail", containsString("empty"));
        given().contentType(ContentType.JSON).body("{\"text\":").post("/api/clean").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/clean")
                .then().statusCode(400).body("detail", containsString("exactly one"));
        given().get("/api/articles/missing").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void hostileInputGetsA4xxOrAnEmptyArticleWithAReasonAndTheServiceStaysHealthy() {
        given().contentType("text/html").body(new byte[20 * 1024 * 1024]).post("/api/clean")
                .then().statusCode(413).body("detail", containsString("limit"));
        byte[] binary = new byte[100_000];
        new java.util.Random(3).nextBytes(binary);
        given().contentType("application/octet-stream").body(binary).post("/api/clean").then().statusCode(415);
        given().contentType("text/plain").body(binary).post("/api/clean")
                .then().statusCode(200).body("paragraphs", org.hamcrest.Matchers.empty())
                .body("reason", containsString("not text"));
        given().contentType("text/html").body(("<html><body>" + "<div>".repeat(100_000) + "<p>The innermost paragraph of a page nested far too deep, "
                + "with enough words to read as text.</p>" + "</div>".repeat(100_000) + "</body></html>").getBytes(StandardCharsets.UTF_8)).post("/api/clean")
                .then().statusCode(200);
        given().contentType("text/html").body("<html><body><nav><a href='/'>Home</a></nav></body></html>")
                .post("/api/clean").then().statusCode(200).body("reason", containsString("no article"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void rawArticlesBecomeCleanArticlesAndBadRecordsGoToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        RawArticle raw = new RawArticle(1, id, "ext-" + id, "https://example.org/" + id, null, "test", "Hint",
                "2025-08-20", null, "<html><body><article><p>The council approved the budget on Monday.</p>"
                        + "<p>Advertisement</p><p>The vote was unanimous.</p></article></body></html>",
                null, null, Instant.now());
        try (KafkaCompanion kafka = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(
                    new ProducerRecord<>(Topics.ARTICLES_RAW, "garbage", "not a contract".getBytes(StandardCharsets.UTF_8)),
                    new ProducerRecord<>(Topics.ARTICLES_RAW, id, MessageCodec.RAW_ARTICLE.encode(raw)),
                    // the same record again: nothing changes
                    new ProducerRecord<>(Topics.ARTICLES_RAW, id, MessageCodec.RAW_ARTICLE.encode(raw)))
                    .awaitCompletion(Duration.ofSeconds(30));

            CleanArticle clean = null;
            var records = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.ARTICLES_CLEAN);
            records.awaitRecords(1, Duration.ofSeconds(60));
            for (ConsumerRecord<String, byte[]> r : records.getRecords()) {
                if (id.equals(r.key())) {
                    clean = MessageCodec.CLEAN_ARTICLE.decode(r.value());
                }
            }
            records.stop();
            assertNotNull(clean, "a clean article keyed " + id);
            assertEquals("The council approved the budget on Monday.\n\nThe vote was unanimous.", clean.text());
            assertEquals("2025-08-20", clean.published());

            var dead = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.ARTICLES_RAW + Topics.DLQ_SUFFIX).awaitRecords(1, Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> deadRecord = dead.getFirstRecord();
            dead.stop();
            assertEquals("garbage", deadRecord.key());
            String reason = new String(deadRecord.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("unreadable RawArticle"), reason);
        }
        given().get("/api/articles/" + id).then().statusCode(200)
                .body("paragraphs", hasItem("The vote was unanimous.")).body("externalId", equalTo("ext-" + id));
    }
}
