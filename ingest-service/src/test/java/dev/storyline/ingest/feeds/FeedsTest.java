package dev.storyline.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storyline.pull.fetch.FixtureServer;
import dev.storyline.testsupport.InfraResource;

/** Feeds end to end over real PostgreSQL and Kafka, against a loopback fixture server that is the only allowed target. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "ingest_test"))
@QuarkusTestResource(FixtureResource.class)
class FeedsTest {

    @org.junit.jupiter.api.AfterEach
    void nothingBeyondLoopback() {
        assertEquals(java.util.List.of(), LoopbackFetcher.TRIPWIRE.tripped);
    }

    private static String rss(String base, String run) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                <title>Fixture wire</title><link>%1$s/</link><language>en</language>
                <item><title>Full %2$s</title><link>%1$s/pages/full-%2$s</link><guid>full-%2$s</guid>
                <pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate>
                <content:encoded><![CDATA[<p>The river rose overnight and the town council met at dawn to plan.</p>]]></content:encoded></item>
                <item><title>Linked %2$s</title><link>%1$s/pages/linked-%2$s</link><guid>linked-%2$s</guid>
                <description>A short summary.</description></item>
                </channel></rss>""".formatted(base, run);
    }

    private static JsonPath awaitFeed(String id, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath feed;
        do {
            feed = given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
            if (done.test(feed)) {
                return feed;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the feed did not get there: " + feed.prettify());
    }

    @Test
    void aSubscribedFeedIsPolledItsItemsIngestedAndA304CostsNothing() throws InterruptedException {
        FixtureServer fixture = FixtureResource.server;
        String run = UUID.randomUUID().toString();
        AtomicInteger fullGets = new AtomicInteger();
        AtomicInteger pageGets = new AtomicInteger();
        fixture.on("/pages/full-" + run, x -> {
            pageGets.addAndGet(100);
            FixtureServer.send(x, 200, "text/html", "<p>never asked for</p>");
        });
        fixture.on("/pages/linked-" + run, x -> {
                    pageGets.incrementAndGet();
                    FixtureServer.send(x, 200, "text/html; charset=utf-8",
                            "<html><head><title>Linked</title></head><body><article><h1>Linked</h1><p>The linked page "
                                    + "has the whole story of the flood and the council.</p></article></body></html>");
                })
                .on("/feeds/" + run, x -> {
                    if ("\"r1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        FixtureServer.send(x, 304, null, new byte[0]);
                        return;
                    }
                    fullGets.incrementAndGet();
                    x.getResponseHeaders().set("ETag", "\"r1\"");
                    FixtureServer.send(x, 200, "application/rss+xml", rss("http://" + fixture.hostPort(), run));
                });
        String url = fixture.url("/feeds/" + run);
        String id = given().contentType(ContentType.JSON).body(Map.of("url", url, "intervalSeconds", 60))
                .post("/api/feeds").then().statusCode(201).body("status", equalTo("NEW")).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/feeds")
                .then().statusCode(200).body("id", equalTo(id));

        JsonPath first = awaitFeed(id, f -> "OK".equals(f.getString("status")));
        assertEquals(2, first.getInt("itemsSeen"));
        assertEquals(2, first.getInt("itemsAccepted"));
        assertEquals("Fixture wire", first.getString("title"));
        assertEquals("rss_2.0", first.getString("format"));
        assertEquals(1, pageGets.get(), "only the item without content had its page fetched");
        given().get("/api/articles/by-external-id/full-" + run).then().statusCode(200);
        given().get("/api/articles/by-external-id/linked-" + run).then().statusCode(200);

        given().post("/api/feeds/" + id + "/refresh").then().statusCode(202);
        long polls = first.getLong("polls");
        JsonPath again = awaitFeed(id, f -> f.getString("lastFetchedAt") != null
                && !f.getString("lastFetchedAt").equals(first.getString("lastFetchedAt")));
        assertEquals("OK", again.getString("status"));
        assertEquals(2, again.getInt("itemsSeen"), "a 304 takes nothing");
        assertEquals(1, fullGets.get(), "the second poll was conditional");
        assertEquals(polls + 1, again.getLong("polls"));
        given().get("/api/feeds").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        given().delete("/api/feeds/" + id).then().statusCode(204);
        given().get("/api/feeds/" + id).then().statusCode(404).body("detail", containsString(id));
    }

    @Test
    void hostileAndUnreachableFeedsAreFailingWithTheReasonAndTakeNothing() throws InterruptedException {
        FixtureServer fixture = FixtureResource.server;
        String run = UUID.randomUUID().toString();
        fixture.on("/xxe/" + run, x -> FixtureServer.send(x, 200, "application/rss+xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\">"
                        + "<channel><title>&x;</title><item><title>&x;</title><guid>x</guid></item></channel></rss>"))
                .on("/to-metadata/" + run, x -> FixtureServer.redirect(x, 302, "http://169.254.169.254/latest/meta-data/"));
        String xxe = given().contentType(ContentType.JSON).body(Map.of("url", fixture.url("/xxe/" + run)))
                .post("/api/feeds").then().statusCode(201).extract().path("id");
        String redirect = given().contentType(ContentType.JSON).body(Map.of("url", fixture.url("/to-metadata/" + run)))
                .post("/api/feeds").then().statusCode(201).extract().path("id");
        String otherPort = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + (fixture.port() + 1) + "/feed-" + run))
                .post("/api/feeds").then().statusCode(201).extract().path("id");

        JsonPath a = awaitFeed(xxe, f -> "FAILING".equals(f.getString("status")));
        assertTrue(a.getString("lastError").contains("DOCTYPE"), a.getString("lastError"));
        assertEquals(0, a.getInt("itemsSeen"));
        JsonPath b = awaitFeed(redirect, f -> "FAILING".equals(f.getString("status")));
        assertTrue(b.getString("lastError").startsWith("REFUSED_ADDRESS"), b.getString("lastError"));
        JsonPath c = awaitFeed(otherPort, f -> "FAILING".equals(f.getString("status")));
        assertTrue(c.getString("lastError").startsWith("REFUSED_ADDRESS"), c.getString("lastError"));
        assertTrue(c.getString("nextFetchAt").compareTo(c.getString("lastFetchedAt")) > 0);
        for (String id : new String[] { xxe, redirect, otherPort }) {
            given().delete("/api/feeds/" + id).then().statusCode(204);
        }
    }

    @Test
    void badSubscriptionsAre400() {
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://127.0.0.1/feed")).post("/api/feeds")
                .then().statusCode(400).body("detail", containsString("http"));
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/f", "intervalSeconds", 5))
                .post("/api/feeds").then().statusCode(400).body("detail", containsString("60"));
        given().contentType(ContentType.JSON).body("{}").post("/api/feeds").then().statusCode(400);
    }

    @Test
    void anOpmlOf200FeedsImportsOnceAndExports() {
        FixtureServer fixture = FixtureResource.server;
        String run = UUID.randomUUID().toString();
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
                + "<outline text=\"group\">");
        for (int i = 0; i < 200; i++) {
            opml.append("<outline text=\"F").append(i).append("\" xmlUrl=\"").append(fixture.url("/opml/" + run + "/" + i))
                    .append("\"/>");
        }
        opml.append("</outline><outline text=\"bad\" xmlUrl=\"gopher://127.0.0.1/x\"/></body></opml>");
        given().contentType("text/x-opml").body(opml.toString()).post("/api/feeds/opml").then().statusCode(200)
                .body("added", hasSize(200)).body("existing", hasSize(0)).body("refused", hasSize(1))
                .body("refused[0].reason", containsString("http"));
        given().contentType("text/x-opml").body(opml.toString()).post("/api/feeds/opml").then().statusCode(200)
                .body("added", hasSize(0)).body("existing", hasSize(200));
        String exported = given().get("/api/feeds/opml").then().statusCode(200).extract().asString();
        assertTrue(exported.contains(fixture.url("/opml/" + run + "/199")));
        given().contentType("text/x-opml").body("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml/>")
                .post("/api/feeds/opml").then().statusCode(400).body("detail", containsString("DOCTYPE"));
        for (Object id : given().get("/api/feeds").then().extract().jsonPath().getList("findAll { it.url.contains('"
                + run + "') }.id")) {
            given().delete("/api/feeds/" + id).then().statusCode(204);
        }
    }
}
