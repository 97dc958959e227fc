package dev.storyline.pull.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real HTTP against a loopback fixture: redirects checked hop by hop, caps, deadline, conditional GET, robots. */
class SafeFetcherTest {

    static FixtureServer fixture;
    static LoopbackOnly guard = new LoopbackOnly();
    static SafeFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        fixture = new FixtureServer();
        fixture.on("/ok", x -> FixtureServer.send(x, 200, "text/html; charset=utf-8", "<p>hello</p>"))
                .on("/etag", x -> {
                    if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        FixtureServer.send(x, 304, null, new byte[0]);
                    } else {
                        x.getResponseHeaders().set("ETag", "\"v1\"");
                        x.getResponseHeaders().set("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT");
                        FixtureServer.send(x, 200, "application/rss+xml", "<rss/>");
                    }
                })
                .on("/hops/", x -> {
                    int n = Integer.parseInt(x.getRequestURI().getPath().substring("/hops/".length()));
                    if (n == 0) {
                        FixtureServer.send(x, 200, "text/plain", "arrived");
                    } else {
                        FixtureServer.redirect(x, 302, "/hops/" + (n - 1));
                    }
                })
                .on("/to-metadata", x -> FixtureServer.redirect(x, 302, "http://169.254.169.254/latest/meta-data/"))
                .on("/to-metadata-name", x -> FixtureServer.redirect(x, 301, "http://metadata.google.internal/"))
                .on("/to-other-port", x -> FixtureServer.redirect(x, 307, "http://127.0.0.1:" + (fixture.port() + 1) + "/"))
                .on("/to-decimal-loopback", x -> FixtureServer.redirect(x, 302, "http://2130706433:" + fixture.port() + "/ok"))
                .on("/to-v6-loopback", x -> FixtureServer.redirect(x, 302, "http://[::1]:" + fixture.port() + "/ok"))
                .on("/to-file", x -> FixtureServer.redirect(x, 302, "file:///etc/passwd"))
                .on("/huge", x -> {
                    x.getResponseHeaders().set("Content-Type", "text/html");
                    x.sendResponseHeaders(200, 0);
                    try (OutputStream out = x.getResponseBody()) {
                        byte[] chunk = new byte[65536];
                        for (int i = 0; i < 40; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException closedByClient) {
                        // the client stops reading at its cap
                    }
                })
                .on("/declared-huge", x -> {
                    x.sendResponseHeaders(200, 50_000_000L);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write(new byte[10]);
                    } catch (IOException closedByClient) {
                        // expected
                    }
                })
                .on("/gzip", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "gzip");
                    FixtureServer.send(x, 200, "text/html", gzip("<p>squeezed</p>".getBytes(StandardCharsets.UTF_8)));
                })
                .on("/gzip-bomb", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "gzip");
                    FixtureServer.send(x, 200, "text/html", gzip(new byte[5_000_000]));
                })
                .on("/slow", x -> {
                    x.sendResponseHeaders(200, 0);
                    try (OutputStream out = x.getResponseBody()) {
                        for (int i = 0; i < 40; i++) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException closedByClient) {
                        // the client gave up at its deadline
                    }
                })
                .on("/status/", x -> FixtureServer.send(x, Integer.parseInt(x.getRequestURI().getPath().substring(8)),
                        "text/plain", "no"))
                .on("/robots.txt", x -> FixtureServer.send(x, 200, "text/plain",
                        "User-agent: storyline\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n"));
        HostResolver names = LoopbackOnly.names(Map.of("metadata.google.internal", List.of("169.254.169.254"),
                "fixture.test", List.of("127.0.0.1")));
        UrlGate gate = new UrlGate(AddressPolicy.standard(), names,
                Set.of(fixture.hostPort(), "fixture.test:" + fixture.port()));
        fetcher = new SafeFetcher(new FetchSettings("Storyline/test (+https://storyline.invalid/contact)", 1_000_000,
                Duration.ofSeconds(2), 5, 2, Duration.ZERO), gate, guard);
    }

    @AfterAll
    static void stop() throws IOException {
        fetcher.close();
        fixture.close();
    }

    @AfterEach
    void nothingBeyondLoopback() {
        assertEquals(List.of(), guard.tripped, "a connection beyond loopback was attempted");
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    private static FetchRefused.Reason refusal(String url) {
        return assertThrows(FetchRefused.class, () -> fetcher.fetch(URI.create(url))).reason();
    }

    @Test
    void fetchesThroughTheAddressTheGateChecked() throws FetchRefused {
        int before = guard.connections.size();
        Fetched f = fetcher.fetch(URI.create(fixture.url("/ok")));
        assertEquals("<p>hello</p>", new String(f.body(), StandardCharsets.UTF_8));
        assertEquals("text/html", f.mediaType());
        assertEquals(StandardCharsets.UTF_8, f.declaredCharset().orElseThrow());
        Fetched byName = fetcher.fetch(URI.create("http://fixture.test:" + fixture.port() + "/ok"));
        assertEquals(200, byName.status());
        assertTrue(guard.connections.size() > before || fixture.requests.get() > 0);
    }

    @Test
    void conditionalGetAnswers304WithNoBody() throws FetchRefused {
        Fetched first = fetcher.fetch(URI.create(fixture.url("/etag")));
        assertEquals("\"v1\"", first.etag());
        assertEquals("Wed, 02 Dec 2026 10:00:00 GMT", first.lastModified());
        Fetched again = fetcher.fetch(URI.create(fixture.url("/etag")),
                new SafeFetcher.Validators(first.etag(), first.lastModified()), "*/*", 1000);
        assertTrue(again.notModified());
        assertArrayEquals(new byte[0], again.body());
    }

    @Test
    void followsAtMostFiveRedirects() throws FetchRefused {
        Fetched f = fetcher.fetch(URI.create(fixture.url("/hops/5")));
        assertEquals("arrived", new String(f.body(), StandardCharsets.UTF_8));
        assertEquals(fixture.url("/hops/0"), f.finalUri().toString());
        assertEquals(FetchRefused.Reason.TOO_MANY_REDIRECTS, refusal(fixture.url("/hops/6")));
    }

    @Test
    void checksEveryRedirectHop() {
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, refusal(fixture.url("/to-metadata")));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, refusal(fixture.url("/to-metadata-name")));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, refusal(fixture.url("/to-other-port")));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, refusal(fixture.url("/to-decimal-loopback")));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, refusal(fixture.url("/to-v6-loopback")));
        assertEquals(FetchRefused.Reason.BAD_URL, refusal(fixture.url("/to-file")));
    }

    @Test
    void capsTheBodyAfterDecompression() throws FetchRefused {
        assertEquals(FetchRefused.Reason.TOO_LARGE, refusal(fixture.url("/huge")));
        assertEquals(FetchRefused.Reason.TOO_LARGE, refusal(fixture.url("/declared-huge")));
        assertEquals("<p>squeezed</p>", new String(fetcher.fetch(URI.create(fixture.url("/gzip"))).body(),
                StandardCharsets.UTF_8));
        assertEquals(FetchRefused.Reason.TOO_LARGE, refusal(fixture.url("/gzip-bomb")));
    }

    @Test
    void aSlowAnswerEndsAtTheDeadline() {
        long start = System.nanoTime();
        assertEquals(FetchRefused.Reason.TIMEOUT, refusal(fixture.url("/slow")));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "the deadline held");
    }

    @Test
    void httpErrorsSayWhichAndWhetherToRetry() {
        FetchRefused e404 = assertThrows(FetchRefused.class, () -> fetcher.fetch(URI.create(fixture.url("/status/404"))));
        assertEquals(404, e404.httpStatus());
        assertFalse(e404.transientFailure());
        FetchRefused e503 = assertThrows(FetchRefused.class, () -> fetcher.fetch(URI.create(fixture.url("/status/503"))));
        assertTrue(e503.transientFailure());
    }

    @Test
    void robotsTxtIsHonouredForOurAgent() {
        RobotsRules robots = new RobotsRules(fetcher, "storyline", Duration.ofHours(1), Clock.systemUTC());
        assertFalse(robots.allowed(URI.create(fixture.url("/private/page"))));
        assertTrue(robots.allowed(URI.create(fixture.url("/news/page"))));
    }
}
