import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The crash-fault harness (see crash-harness.sh). Streams real articles into the stack up.sh runs, kill -9s each
 * service and the broker in turn mid-stream and brings each back with up.sh, retrying failed batches as a client
 * would; then proves every accepted article is CLUSTERED or REJECTED with a reason, none is in two stories or
 * listed twice, and every dead letter is explained. Exit 0 only when all of that holds.
 */
public class CrashHarness {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final String INGEST = "http://127.0.0.1:8081";
    static final String CLUSTER = "http://127.0.0.1:8083";
    /** The full run's size: the text sets whole, then WCXB pages up to this many items in all. */
    static final int FULL_RUN = 5000;
    static final java.util.concurrent.atomic.AtomicInteger RETRIES = new java.util.concurrent.atomic.AtomicInteger();

    /** The Authorization header for writes: STORYLINE_API_KEYS' first key, else the one up.sh keeps in .local/api-key. */
    static String[] auth = {};

    static String[] authorization(Path root) throws java.io.IOException {
        String env = System.getenv("STORYLINE_API_KEYS");
        Path file = root.resolve(".local/api-key");
        String key = env != null && !env.isBlank() ? env.split(",")[0].strip()
                : Files.exists(file) ? Files.readString(file).strip() : "";
        return key.isEmpty() ? new String[0] : new String[] { "Authorization", "Bearer " + key };
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        auth = authorization(root);
        Path data = Path.of(args[1]);
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        boolean kill = args.length <= 3 || !args[3].equals("--no-kill");
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> lines = articles(data, run, total);
        System.out.printf("[harness] run %s: %d articles (GVC, ECB+, title-only, WCXB HTML)%n", run, lines.size());

        List<String> victims = kill ? List.of("ingest-service", "clean-service", "cluster-service", "kafka") : List.of();
        Map<String, String> outcome = new LinkedHashMap<>();
        List<List<String>> batches = batches(lines, 100, 8 << 20);
        int rejectedLines = 0;
        int posted = 0;
        int step = batches.size() / (victims.size() + 1);
        Thread crashing = null;
        for (int n = 0; n < batches.size(); n++) {
            if (!victims.isEmpty() && step > 0 && n > 0 && n % step == 0 && n / step <= victims.size()) {
                if (crashing != null) {
                    crashing.join();
                }
                // The kill lands while batches are in flight; the client retries what fails, as a real one does.
                crashing = crashSoon(root, victims.get(n / step - 1));
            }
            JsonNode answer = postWithRetry(String.join("\n", batches.get(n)));
            rejectedLines += answer.get("rejected").size();
            posted += batches.get(n).size();
            System.out.printf("[harness] posted %d / %d%n", posted, lines.size());
        }
        if (crashing != null) {
            crashing.join();
        }
        for (String line : lines) {
            outcome.put(JSON.readTree(line).get("externalId").asText(), "?");
        }
        System.out.printf("[harness] all posted (%d lines refused by ingest); waiting for verdicts...%n", rejectedLines);
        Map<String, JsonNode> status = awaitVerdicts(outcome.keySet(), Duration.ofMinutes(20));
        System.exit(report(status, rejectedLines) ? 0 : 1);
    }

    /** Batches of at most {@code maxLines} lines and about {@code maxBytes} (a batch over the body limit is refused). */
    static List<List<String>> batches(List<String> lines, int maxLines, int maxBytes) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (String line : lines) {
            long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (!current.isEmpty() && (current.size() == maxLines || bytes + size > maxBytes)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(line);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * GVC and ECB+ texts, a title-only item for every tenth, and WCXB pages with their URLs; long URL-like ids. A run
     * shorter than the full one is an even sample of it.
     */
    static List<String> articles(Path data, String run, int total) throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : List.of("clustering-dev/gvc_dev.jsonl", "clustering-dev/ecbplus_dev.jsonl")) {
            int i = 0;
            for (String line : Files.readAllLines(data.resolve(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("externalId", "https://harness.storyline.test/" + run + "/" + n.get("id").asText() + "/"
                        + "a-long-slug-as-real-article-urls-have-".repeat(5) + i);
                a.put("title", n.path("title").asText(""));
                if (i++ % 10 == 0) {
                    a.put("externalId", "title-only-" + run + "-" + n.get("id").asText());
                } else {
                    a.put("text", n.path("text").asText(""));
                }
                if (n.path("published").isTextual()) {
                    a.put("published", n.get("published").asText());
                }
                a.put("source", n.path("source").asText("harness"));
                out.add(JSON.writeValueAsString(a));
            }
        }
        Path gt = data.resolve("extraction-wcxb-dev/ground-truth");
        int full = Math.max(total, FULL_RUN);
        try (var files = Files.list(gt)) {
            for (Path p : files.sorted().toList()) {
                if (out.size() >= full) {
                    break;
                }
                String id = p.getFileName().toString().replace(".json", "");
                Path html = data.resolve("extraction-wcxb-dev/html/" + id + ".html.gz");
                if (!Files.exists(html)) {
                    continue;
                }
                String url = JSON.readTree(p.toFile()).path("url").asText(null);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("externalId", "wcxb-" + run + "-" + id);
                if (url != null && url.startsWith("http")) {
                    a.put("url", url + (url.contains("?") ? "&" : "?") + "harness=" + run);
                }
                try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
                    a.put("html", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                out.add(JSON.writeValueAsString(a));
            }
        }
        return sample(out, total);
    }

    /** Every k-th item, so that a short run keeps the full run's mix of sets, kinds and ids. */
    static List<String> sample(List<String> items, int total) {
        if (items.size() <= total) {
            return items;
        }
        List<String> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            out.add(items.get((int) ((long) i * items.size() / total)));
        }
        return out;
    }

    static Thread crashSoon(Path root, String victim) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
                crash(root, victim);
            } catch (Exception e) {
                System.out.printf("[harness] crashing %s went wrong: %s%n", victim, e);
                System.exit(2);
            }
        }, "crash-" + victim);
        t.start();
        return t;
    }

    static void crash(Path root, String victim) throws Exception {
        Path pid = root.resolve(".local/pids/" + victim + ".pid");
        String id = Files.readString(pid).strip();
        System.out.printf("[harness] kill -9 %s (pid %s)%n", victim, id);
        new ProcessBuilder("kill", "-9", id).inheritIO().start().waitFor();
        // A killed JVM can hold its port for a few seconds while it is torn down; up.sh must see it gone.
        for (int i = 0; i < 60 && new ProcessBuilder("kill", "-0", id).start().waitFor() == 0; i++) {
            Thread.sleep(500);
        }
        Thread.sleep(1000);
        System.out.printf("[harness] bringing %s back with up.sh%n", victim);
        Process up = new ProcessBuilder(root.resolve("deploy/local/up.sh").toString())
                .redirectOutput(root.resolve(".local/logs/harness-up.log").toFile()).redirectErrorStream(true).start();
        if (!up.waitFor(5, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IllegalStateException("up.sh did not bring " + victim + " back; see .local/logs/harness-up.log");
        }
    }

    static JsonNode postWithRetry(String body) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/articles/batch"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-ndjson").headers(auth)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    return JSON.readTree(r.body());
                }
                RETRIES.incrementAndGet();
                System.out.printf("[harness] batch answered %d; retrying%n", r.statusCode());
            } catch (IOException e) {
                RETRIES.incrementAndGet();
                System.out.printf("[harness] batch failed (%s); retrying%n", e);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("ingest did not take a batch for 5 minutes");
            }
            Thread.sleep(2000);
        }
    }

    static Map<String, JsonNode> awaitVerdicts(java.util.Set<String> ids, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Map<String, JsonNode> status = new HashMap<>();
        while (true) {
            int open = 0;
            for (String id : ids) {
                JsonNode known = status.get(id);
                if (known != null && !inFlight(known)) {
                    continue;
                }
                HttpResponse<String> r = get(INGEST + "/api/articles/by-external-id/"
                        + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    status.put(id, JSON.readTree(r.body()));
                }
                open += status.get(id) == null || inFlight(status.get(id)) ? 1 : 0;
            }
            System.out.printf("[harness] %d of %d articles still without a verdict%n", open, ids.size());
            if (open == 0 || System.currentTimeMillis() > deadline) {
                return status;
            }
            Thread.sleep(10_000);
        }
    }

    static boolean inFlight(JsonNode s) {
        String st = s.get("status").asText();
        return !st.equals("CLUSTERED") && !st.equals("REJECTED");
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean report(Map<String, JsonNode> status, int refusedLines) throws Exception {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, String> idToExternal = new HashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : status.entrySet()) {
            String st = e.getValue().get("status").asText();
            byStatus.merge(st, 1, Integer::sum);
            idToExternal.put(e.getValue().get("id").asText(), e.getKey());
            if (st.equals("REJECTED")) {
                String reason = e.getValue().path("reason").asText("");
                ok &= !reason.isBlank();
                String key = e.getValue().path("stage").asText() + ": "
                        + (reason.length() > 90 ? reason.substring(0, 90) + "..." : reason);
                reasons.merge(key, 1, Integer::sum);
            }
        }
        int accepted = status.size();
        int clustered = byStatus.getOrDefault("CLUSTERED", 0);
        int rejected = byStatus.getOrDefault("REJECTED", 0);
        System.out.printf("[harness] accepted %d, refused lines %d, batch posts retried %d, by status %s%n", accepted,
                refusedLines, RETRIES.get(), byStatus);
        reasons.forEach((r, n) -> System.out.printf("[harness]   rejected %d x %s%n", n, r));

        Map<String, String> storyOf = new HashMap<>();
        int listedTwice = 0;
        for (String line : get(CLUSTER + "/api/assignments").body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = JSON.readTree(line);
            if (storyOf.put(a.get("articleId").asText(), a.get("storyId").asText()) != null) {
                listedTwice++;
            }
        }
        int disagree = 0;
        for (JsonNode s : status.values()) {
            if (s.get("status").asText().equals("CLUSTERED")
                    && !s.path("storyId").asText().equals(storyOf.get(s.get("id").asText()))) {
                disagree++;
            }
        }
        System.out.printf("[harness] listed twice in /api/assignments: %d; ingest and cluster disagree on the story: %d%n",
                listedTwice, disagree);
        int unexplained = deadLetters(idToExternal, status);
        double share = accepted == 0 ? 0 : (double) rejected / accepted;
        boolean pass = ok && clustered + rejected == accepted && listedTwice == 0 && disagree == 0 && unexplained == 0
                && share <= 0.005;
        System.out.printf("[harness] %s: %d clustered + %d rejected of %d accepted (rejected %.2f %%, limit 0.5 %%)%n",
                pass ? "PASS" : "FAIL", clustered, rejected, accepted, 100 * share);
        return pass;
    }

    /** Every dead letter of this run's articles has made its article REJECTED with the reason, or was re-driven. */
    static int deadLetters(Map<String, String> idToExternal, Map<String, JsonNode> status) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "harness-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int records = 0;
        int unexplained = 0;
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("articles.raw.dlq", "articles.clean.dlq"));
            for (int idle = 0; idle < 3; ) {
                var polled = consumer.poll(Duration.ofSeconds(2));
                idle = polled.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> r : polled) {
                    String external = idToExternal.get(r.key());
                    if (external == null) {
                        continue; // another run's article
                    }
                    records++;
                    JsonNode s = status.get(external);
                    boolean explained = s.get("status").asText().equals("CLUSTERED")
                            || s.path("reason").asText().contains("dead letter");
                    if (!explained) {
                        unexplained++;
                        System.out.printf("[harness] unexplained dead letter on %s for %s: %s%n", r.topic(), external, s);
                    }
                }
            }
        }
        System.out.printf("[harness] dead letters of this run: %d, unexplained: %d%n", records, unexplained);
        return unexplained;
    }
}
