import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The feed-polling benchmark (see feeds-bench.sh). Serves n feeds on loopback, each answering its first poll with an
 * empty RSS channel and an ETag and every later conditional poll with 304, imports them into ingest-service as OPML,
 * waits for every first poll, then asks for a number of rounds (POST /api/feeds/{id}/refresh for every feed) and
 * reports, per round, the time from the first refresh sent to the last 304 served, and the CPU time ingest-service
 * and PostgreSQL spent in that time (from /proc; the refresh calls themselves are in ingest's share). It unsubscribes
 * its feeds when done.
 */
public class FeedsBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String INGEST = "http://127.0.0.1:8081";
    static final AtomicInteger FULL = new AtomicInteger();
    static final AtomicInteger NOT_MODIFIED = new AtomicInteger();
    static final AtomicLong LAST_SERVED = new AtomicLong();
    /** This run's feeds live under /f/{salt}/; feeds an earlier run left behind get 410 and are not counted. */
    static final String SALT = Long.toString(System.currentTimeMillis());

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String[] auth = authHeader(root);
        HttpServer server = serveFeeds(port);
        List<String> ids = List.of();
        try {
            ids = importFeeds(port, n, auth);
            System.out.printf("imported %d feeds; waiting for every first poll%n", ids.size());
            awaitServed(FULL, ids.size(), Duration.ofMinutes(3), "first polls");
            long ingestPid = pid(root, "ingest-service");
            for (int r = 1; r <= rounds; r++) {
                round(r, ids, auth, ingestPid);
            }
        } finally {
            server.stop(0);
            unsubscribe(ids, auth);
        }
        System.exit(0);
    }

    static HttpServer serveFeeds(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        server.setExecutor(pool);
        server.createContext("/f/", FeedsBench::answer);
        server.start();
        return server;
    }

    static void answer(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().startsWith("/f/" + SALT + "/")) {
            ex.sendResponseHeaders(410, -1);
            ex.close();
            return;
        }
        String etag = "\"" + ex.getRequestURI().getPath().hashCode() + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            NOT_MODIFIED.incrementAndGet();
        } else {
            byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>bench " + ex.getRequestURI()
                    + "</title><link>http://example.org/</link><description>empty</description></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            FULL.incrementAndGet();
        }
        LAST_SERVED.set(System.nanoTime());
        ex.close();
    }

    static List<String> importFeeds(int port, int n, String[] auth) throws Exception {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>bench</title></head><body>");
        for (int i = 0; i < n; i++) {
            opml.append("<outline type=\"rss\" text=\"f").append(i).append("\" xmlUrl=\"http://127.0.0.1:").append(port)
                    .append("/f/").append(SALT).append('/').append(i).append(".xml\"/>");
        }
        opml.append("</body></opml>");
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/feeds/opml")).headers(auth)
                .header("Content-Type", "text/x-opml").POST(HttpRequest.BodyPublishers.ofString(opml.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("OPML import answered " + r.statusCode() + ": " + r.body());
        }
        System.out.printf("OPML import of %d took %.1f s: %s%n", n, (System.nanoTime() - t0) / 1e9,
                r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body());
        String prefix = "http://127.0.0.1:" + port + "/f/" + SALT + "/";
        List<String> ids = new ArrayList<>();
        JsonNode all = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/feeds")).headers(auth).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode f : all) {
            if (f.get("url").asText().startsWith(prefix)) {
                ids.add(f.get("id").asText());
            }
        }
        return ids;
    }

    static void round(int r, List<String> ids, String[] auth, long ingestPid) throws Exception {
        int before = NOT_MODIFIED.get();
        long ingestCpu = cpuTicks(List.of(ingestPid));
        long pgCpu = cpuTicks(postgresPids());
        long t0 = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (String id : ids) {
            sent.add(senders.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/feeds/" + id + "/refresh"))
                    .headers(auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())));
        }
        for (var f : sent) {
            HttpResponse<String> resp = f.get();
            if (resp.statusCode() != 202) {
                throw new IllegalStateException("refresh answered " + resp.statusCode() + ": " + resp.body());
            }
        }
        senders.shutdown();
        double sentIn = (System.nanoTime() - t0) / 1e9;
        awaitServed(NOT_MODIFIED, before + ids.size(), Duration.ofMinutes(5), "round " + r);
        double took = (LAST_SERVED.get() - t0) / 1e9;
        double hz = 100.0;
        System.out.printf("round %d: %d feeds, refreshes sent in %.1f s, last 304 at %.1f s; CPU ingest %.2f s (%.2f ms a feed), PostgreSQL %.2f s%n",
                r, ids.size(), sentIn, took, (cpuTicks(List.of(ingestPid)) - ingestCpu) / hz,
                (cpuTicks(List.of(ingestPid)) - ingestCpu) / hz * 1000 / ids.size(), (cpuTicks(postgresPids()) - pgCpu) / hz);
    }

    static void unsubscribe(List<String> ids, String[] auth) throws Exception {
        for (String id : ids) {
            HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/feeds/" + id)).headers(auth).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        System.out.printf("unsubscribed the %d feeds%n", ids.size());
    }

    static void awaitServed(AtomicInteger counter, int target, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int last = -1;
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": only " + counter.get() + " of " + target
                        + " polls came; was the stack started with STORYLINE_FETCH_ALLOW=127.0.0.1:<port>?");
            }
            if (counter.get() != last) {
                last = counter.get();
                System.out.printf("  %s: %d of %d%n", what, last, target);
            }
            Thread.sleep(1000);
        }
    }

    static long pid(Path root, String name) throws IOException {
        return Long.parseLong(Files.readString(root.resolve(".local/pids/" + name + ".pid")).trim());
    }

    static List<Long> postgresPids() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    /** utime + stime of the processes, in clock ticks (USER_HZ, 100 on Linux). */
    static long cpuTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException gone) {
                // a PostgreSQL backend that ended between listing and reading
            }
        }
        return sum;
    }

    static String[] authHeader(Path root) throws IOException {
        String keys = System.getenv("STORYLINE_API_KEYS");
        String key = keys != null && !keys.isBlank() ? keys.split(",")[0].trim()
                : Files.readString(root.resolve(".local/api-key")).trim();
        return new String[] { "Authorization", "Bearer " + key };
    }
}
