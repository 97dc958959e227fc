package dev.storyline.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.RawArticle;
import dev.storyline.contracts.Topics;
import dev.storyline.testsupport.EmbeddedInfra;
import dev.storyline.testsupport.InfraResource;

/** The REST contract over real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "ingest_test"))
class IngestResourceTest {

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void newArticleIs202AndReachesArticlesRawKeyedById() {
        String ext = unique();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("externalId", ext, "url", "https://example.org/" + ext, "title", "T",
                        "published", "2025-08-20", "html", "<p>Hello world</p>"))
                .post("/api/articles")
                .then().statusCode(202)
                .body("externalId", equalTo(ext)).body("status", equalTo("accepted")).body("id", notNullValue())
                .extract().path("id");

        RawArticle message = awaitRecord(id);
        assertEquals(ext, message.externalId());
        assertEquals("<p>Hello world</p>", message.html());
        assertEquals("https://example.org/" + ext, message.canonicalUrl());

        // status turns PUBLISHED once Kafka has acknowledged
        long deadline = System.currentTimeMillis() + 20_000;
        String status;
        do {
            status = given().get("/api/articles/" + id).then().statusCode(200).extract().path("status");
        } while (!"PUBLISHED".equals(status) && System.currentTimeMillis() < deadline && sleep());
        assertEquals("PUBLISHED", status);
    }

    @Test
    void repeatsByExternalIdOrCanonicalUrlAre200WithTheOriginalId() {
        String ext = unique();
        String url = "https://example.org/news/" + ext;
        String id = given().contentType(ContentType.JSON).body(Map.of("externalId", ext, "url", url, "text", "one"))
                .post("/api/articles").then().statusCode(202).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("externalId", ext, "text", "changed"))
                .post("/api/articles").then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("duplicate"));
        given().contentType(ContentType.JSON).body(Map.of("url", url + "?utm_source=feed#top", "text", "one"))
                .post("/api/articles").then().statusCode(200).body("id", equalTo(id));
        // The same text under another URL is a syndicated copy, not a repeat.
        given().contentType(ContentType.JSON).body(Map.of("url", url + "-copy", "text", "one"))
                .post("/api/articles").then().statusCode(202);
    }

    @Test
    void badInputIs4xxWithAJsonProblem() {
        given().contentType(ContentType.JSON).body("").post("/api/articles")
                .then().statusCode(400).body("detail", containsString("empty"));
        given().contentType(ContentType.JSON).body("{\"text\": ").post("/api/articles")
                .then().statusCode(400).body("status", equalTo(400)).body("detail", containsString("not a valid"));
        given().contentType(ContentType.JSON).body("{\"body\": \"x\"}").post("/api/articles")
                .then().statusCode(400).body("detail", containsString("unknown field 'body'"));
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/articles").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "some text", "published", "yesterday"))
                .post("/api/articles").then().statusCode(400).body("detail", containsString("ISO-8601"));
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(12_000_001)))
                .post("/api/articles").then().statusCode(413).body("detail", containsString("limit"));
        given().get("/api/articles/nope").then().statusCode(404).body("detail", containsString("nope"));
        given().contentType(ContentType.JSON).body(Map.of("externalId", "e".repeat(1025), "text", "some text"))
                .post("/api/articles").then().statusCode(400).body("detail", containsString("limit is 1024"));
        given().contentType(ContentType.JSON).body(Map.of("source", "s".repeat(1025), "text", "some text"))
                .post("/api/articles").then().statusCode(400).body("detail", containsString("source is 1025"));
        given().contentType(ContentType.JSON).body(Map.of("title", "?!"))
                .post("/api/articles").then().statusCode(400).body("detail", containsString("usable"));
    }

    @Test
    void everyErrorIsAJsonProblemEvenOutsideTheResources() {
        given().get("/no/such/path").then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
        given().delete("/api/articles").then().statusCode(405).contentType(ContentType.JSON).body("status", equalTo(405));
        given().contentType("image/png").body(new byte[] { 1 }).post("/api/articles").then().statusCode(415)
                .contentType(ContentType.JSON).body("status", equalTo(415));
        String answer = headersOnly("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 70000000\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/json") && answer.contains("\"status\":413"), answer);
    }

    /** Sends a request's head without its body, as a client that announces a huge body does, and reads the answer. */
    private static String headersOnly(String head) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void textWithNulAndATitleAloneAreTakenAndShowTheirStatusByExternalId() {
        String url = "https://example.org/news/" + java.util.UUID.randomUUID() + "?x=1";
        given().contentType(ContentType.JSON).body("{\"externalId\":\"" + url + "\",\"text\":\"Storm\\u0000 hits\"}")
                .post("/api/articles").then().statusCode(202);
        given().urlEncodingEnabled(false).get("/api/articles/by-external-id/" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).body("externalId", equalTo(url)).body("contentType", equalTo("text"));
        String brief = "brief-" + java.util.UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("externalId", brief, "title", "Five found dead in home"))
                .post("/api/articles").then().statusCode(202);
        given().get("/api/articles/by-external-id/" + brief).then().statusCode(200)
                .body("contentType", equalTo("none")).body("status", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void batchTakesGoodLinesAndReportsBadOnes() {
        String a = unique();
        String ndjson = "{\"externalId\":\"" + a + "\",\"text\":\"first\"}\n"
                + "not json\n"
                + "\n"
                + "{\"externalId\":\"" + a + "\",\"text\":\"again\"}\n"
                + "{\"text\":\"third\",\"html\":\"<p>x</p>\"}\n"
                + "{\"externalId\":\"" + unique() + "\",\"html\":\"<p>fourth</p>\"}\n";
        given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(202)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1))
                .body("rejected", hasSize(2))
                .body("rejected[0].line", equalTo(2)).body("rejected[1].line", equalTo(5))
                .body("rejected[1].error", containsString("not both"))
                .body("ids", hasSize(3));
    }

    @Test
    void aBatchKnowsRepeatsOfItsOwnLinesAndOfStoredArticlesByIdAndByUrl() {
        String a = unique();
        String url = "https://news.example.org/" + unique() + "?utm_source=feed";
        String first = "{\"externalId\":\"" + a + "\",\"text\":\"first\"}\n"
                + "{\"url\":\"" + url + "\",\"text\":\"by url\"}\n"
                + "{\"externalId\":\"" + a + "\",\"text\":\"again\"}\n"
                + "{\"url\":\"" + url.replace("?utm_source=feed", "") + "\",\"text\":\"same url\"}\n";
        List<String> ids = given().contentType("application/x-ndjson").body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(202).body("accepted", equalTo(2)).body("duplicates", equalTo(2))
                .extract().path("ids");
        assertEquals(ids.get(0), ids.get(2), "a repeat of an earlier line answers that line's id");
        assertEquals(ids.get(1), ids.get(3), "the same canonical URL is the same article");
        List<String> again = given().contentType("application/x-ndjson").body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(4))
                .extract().path("ids");
        assertEquals(ids, again, "a second batch answers the stored articles");
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("storyline_ingest_articles_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/articles/batch"));
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static RawArticle awaitRecord(String id) {
        try (KafkaCompanion companion = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            Map<String, Object> props = new HashMap<>();
            var records = companion.consume(String.class, byte[].class)
                    .withProps(props)
                    .withOffsetReset(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.ARTICLES_RAW)
                    .awaitRecords(1, Duration.ofSeconds(5));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : records.getRecords()) {
                    if (id.equals(r.key())) {
                        RawArticle message = MessageCodec.RAW_ARTICLE.decode(r.value());
                        assertEquals(id, message.id());
                        return message;
                    }
                }
                sleep();
            }
        }
        assertTrue(false, "no record keyed " + id + " on " + Topics.ARTICLES_RAW);
        return null;
    }
}
