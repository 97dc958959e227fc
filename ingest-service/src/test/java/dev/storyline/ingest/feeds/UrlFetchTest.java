package dev.storyline.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storyline.pull.fetch.FixtureServer;
import dev.storyline.testsupport.InfraResource;

/** POST /api/articles with only a url: 202 at once, FETCHING, then on through the pipeline or REJECTED with why. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "ingest_test"))
@QuarkusTestResource(FixtureResource.class)
class UrlFetchTest {

    @AfterEach
    void nothingBeyondLoopback() {
        assertEquals(List.of(), LoopbackFetcher.TRIPWIRE.tripped);
    }

    private static JsonPath settled(String url) throws InterruptedException {
        String id = given().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/articles")
                .then().statusCode(202).body("status", equalTo("fetching")).extract().path("id");
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath a;
        do {
            a = given().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath();
            if (!"FETCHING".equals(a.getString("status")) && !"RECEIVED".equals(a.getString("status"))) {
                return a;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("still " + a.getString("status"));
    }

    @Test
    void aPageIsFetchedAndGoesOnOrIsRejectedWithTheReason() throws InterruptedException {
        FixtureServer fixture = FixtureResource.server;
        String run = UUID.randomUUID().toString();
        fixture.on("/page/" + run, x -> FixtureServer.send(x, 200, "text/html; charset=ISO-8859-1",
                        "<html><body><p>Caf\u00e9 owners met the mayor on Tuesday to discuss the new rules.</p></body></html>"
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .on("/pdf/" + run, x -> FixtureServer.send(x, 200, "application/pdf", "%PDF-1.4"))
                .on("/private/" + run, x -> FixtureServer.send(x, 200, "text/html", "<p>secret</p>"))
                .on("/gone/" + run, x -> FixtureServer.send(x, 410, "text/plain", "gone"))
                .on("/to-metadata/" + run, x -> FixtureServer.redirect(x, 302, "http://169.254.169.254/"));

        assertEquals("PUBLISHED", settled(fixture.url("/page/" + run)).getString("status"));
        JsonPath pdf = settled(fixture.url("/pdf/" + run));
        assertEquals("REJECTED", pdf.getString("status"));
        assertEquals("fetch", pdf.getString("stage"));
        assertTrue(pdf.getString("reason").startsWith("NOT_HTML"), pdf.getString("reason"));
        assertTrue(settled(fixture.url("/private/" + run)).getString("reason").startsWith("ROBOTS"));
        assertTrue(settled(fixture.url("/gone/" + run)).getString("reason").contains("410"));
        assertTrue(settled(fixture.url("/to-metadata/" + run)).getString("reason").startsWith("REFUSED_ADDRESS"));
        assertTrue(settled("http://10.0.0.1/" + run).getString("reason").startsWith("REFUSED_ADDRESS"));
        assertTrue(settled("http://[::ffff:127.0.0.1]:" + fixture.port() + "/page/" + run + "?v6")
                .getString("reason").startsWith("REFUSED_ADDRESS"));
    }
}
