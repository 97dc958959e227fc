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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The load tool (see load.sh). Posts real articles from ../shared/data into the stack up.sh runs and measures, by
 * watching stories.events (and articles.status, for the ones rejected), when each reached its story: throughput from the first post to the last assignment,
 * ingest-to-story latency percentiles, what the batch endpoint accepted per second, and the RSS of every process.
 */
public class LoadTool {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String INGEST = "http://127.0.0.1:8081";
    static final long MAX_BATCH_BYTES = 8L << 20;
    static final String[] PROCESSES = { "ingest-service", "clean-service", "cluster-service", "kafka" };

    /** Article id to the time (ms) its post was sent, and to the time its story event was seen. */
    static final Map<String, Long> SENT = new ConcurrentHashMap<>();
    static final CountDownLatch WATCHING = new CountDownLatch(1);
    static final Map<String, Long> SEEN = new ConcurrentHashMap<>();
    /** Article id to the reason it was rejected (articles.status): done, but in no story. */
    static final Map<String, String> REJECTED = new ConcurrentHashMap<>();
    static final Map<String, Long> PEAK_RSS = new ConcurrentHashMap<>();

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
        String mode = args.length > 2 ? args[2] : "burst-text";
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Long> idle = rss(root);
        System.out.printf("[load] idle RSS (MB): %s%n", mb(idle));
        Map<String, Long> cpuBefore = cpuTicks(root);
        AtomicBoolean stop = new AtomicBoolean();
        Thread watch = new Thread(() -> watchStories(stop), "story-watch");
        watch.start();
        Thread sampler = new Thread(() -> sampleRss(root, stop), "rss");
        sampler.start();
        if (!WATCHING.await(30, TimeUnit.SECONDS)) { // the watcher is at the end of stories.events before any post
            throw new IllegalStateException("the story watcher could not reach stories.events in 30 s");
        }
        switch (mode) {
            case "burst-text" -> burst(Corpus.text(data, run, intArg(args, 3, 5000)), 500);
            case "burst-html" -> burst(Corpus.html(data, run, intArg(args, 3, 1500)), 100);
            case "steady" -> steady(Corpus.text(data, run, intArg(args, 3, 50) * intArg(args, 4, 120)),
                    intArg(args, 3, 50));
            case "single" -> single(Corpus.text(data, run, intArg(args, 3, 200)));
            default -> throw new IllegalArgumentException("modes: burst-text [n], burst-html [n], steady [rate] "
                    + "[seconds], single [n]");
        }
        stop.set(true);
        watch.join();
        sampler.join();
        System.out.printf("[load] peak RSS under load (MB): %s%n", mb(PEAK_RSS));
        Map<String, String> cpu = new TreeMap<>();
        cpuTicks(root).forEach((p, t) -> cpu.put(p, String.format("%.1f", (t - cpuBefore.getOrDefault(p, 0L)) / 100.0)));
        System.out.printf("[load] CPU seconds used during the run: %s%n", cpu);
    }

    static int intArg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    /** Posts everything through the batch endpoint, two batches in flight, then waits for every story event. */
    static void burst(List<String> lines, int perBatch) throws Exception {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (String line : lines) {
            long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
            // At most perBatch lines and about 8 MB: a body over ingest's limit is refused whole.
            if (!current.isEmpty() && (current.size() == perBatch || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(line);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        long start = System.currentTimeMillis();
        AtomicLong lastAccepted = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> posted = new ArrayList<>();
        for (List<String> batch : batches) {
            posted.add(clients.submit(() -> {
                long sent = System.currentTimeMillis();
                JsonNode answer = post("/api/articles/batch", "application/x-ndjson", String.join("\n", batch));
                lastAccepted.accumulateAndGet(System.currentTimeMillis(), Math::max);
                List<String> ids = new ArrayList<>();
                answer.get("ids").forEach(id -> {
                    ids.add(id.asText());
                    SENT.put(id.asText(), sent);
                });
                return ids;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> f : posted) {
            ids.addAll(f.get());
        }
        clients.shutdown();
        double acceptSeconds = (lastAccepted.get() - start) / 1000.0;
        System.out.printf("[load] ingest accepted %d articles in %.1f s: %.0f articles/s%n", ids.size(), acceptSeconds,
                ids.size() / acceptSeconds);
        awaitStories(ids, Duration.ofMinutes(15));
        long last = ids.stream().filter(SEEN::containsKey).mapToLong(SEEN::get).max().orElse(start);
        double seconds = (last - start) / 1000.0;
        System.out.printf("[load] end to end: %d articles from the first post to the last story in %.1f s: "
                + "%.0f articles/s%n", ids.size(), seconds, ids.size() / seconds);
        latencies(ids);
    }

    /** Single posts at a steady rate for rate x seconds articles; latency from each post to its story. */
    static void steady(List<String> lines, int rate) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> posted = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String line = lines.get(i);
            posted.add(clients.submit(() -> postOne(line)));
            if (i % rate == 0) {
                System.out.printf("[load] %d s: posted %d, in their story %d%n", i / rate, i, SEEN.size());
            }
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : posted) {
            ids.add(f.get());
        }
        clients.shutdown();
        awaitStories(ids, Duration.ofMinutes(5));
        latencies(ids);
    }

    /** One article at a time, each waited for, with the system otherwise idle. */
    static void single(List<String> lines) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            String id = postOne(line);
            ids.add(id);
            awaitStories(List.of(id), Duration.ofSeconds(30));
            if (ids.size() % 20 == 0) {
                System.out.printf("[load] %d of %d posted and in their story%n", ids.size(), lines.size());
            }
        }
        latencies(ids);
    }

    static String postOne(String line) throws Exception {
        long sent = System.currentTimeMillis();
        String id = post("/api/articles", "application/json", line).get("id").asText();
        SENT.put(id, sent);
        return id;
    }

    static JsonNode post(String path, String type, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + path))
                .timeout(Duration.ofSeconds(300)).header("Content-Type", type).headers(auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static void awaitStories(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long report = 0;
        while (true) {
            long missing = ids.stream().filter(id -> !SEEN.containsKey(id) && !REJECTED.containsKey(id)).count();
            if (missing == 0) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(missing + " of " + ids.size() + " articles reached no story in "
                        + timeout);
            }
            if (ids.size() > 1 && System.currentTimeMillis() - report > 2000) {
                report = System.currentTimeMillis();
                System.out.printf("[load] in their story: %d of %d%n", ids.size() - missing, ids.size());
            }
            Thread.sleep(ids.size() == 1 ? 5 : 200);
        }
    }

    static void latencies(List<String> ids) {
        long rejected = ids.stream().filter(REJECTED::containsKey).count();
        if (rejected > 0) {
            System.out.printf("[load] %d of %d articles were rejected (no usable article), not clustered%n", rejected,
                    ids.size());
        }
        long[] ms = ids.stream().filter(SEEN::containsKey).mapToLong(LoadTool::latency).sorted()
                .toArray();
        System.out.printf("[load] post-to-story latency over %d articles (ms): p50 %d, p90 %d, p99 %d, max %d%n",
                ms.length, at(ms, 0.50), at(ms, 0.90), at(ms, 0.99), ms[ms.length - 1]);
        List<String> slowest = java.util.stream.IntStream.range(0, ids.size()).boxed()
                .filter(i -> SEEN.containsKey(ids.get(i)))
                .sorted((a, b) -> Long.compare(latency(ids.get(b)), latency(ids.get(a)))).limit(3)
                .map(i -> "#" + (i + 1) + " " + latency(ids.get(i)) + " ms").toList();
        System.out.printf("[load] slowest, in posting order: %s%n", String.join(", ", slowest));
    }

    static long latency(String id) {
        return SEEN.get(id) - SENT.get(id);
    }

    static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Records when each article's STORY_CREATED or ARTICLE_ADDED event is seen on stories.events. */
    static void watchStories(AtomicBoolean stop) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "storyline-load-" + System.nanoTime());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("stories.events", "articles.status")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            consumer.poll(Duration.ZERO);
            WATCHING.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    try {
                        JsonNode e = JSON.readTree(r.value());
                        String type = e.path("type").asText();
                        if (type.equals("STORY_CREATED") || type.equals("ARTICLE_ADDED")) {
                            SEEN.putIfAbsent(e.get("articleId").asText(), now);
                        } else if (e.path("verdict").asText().equals("REJECTED")) {
                            REJECTED.putIfAbsent(e.get("articleId").asText(), e.path("reason").asText());
                        }
                    } catch (IOException ignored) {
                        // not an event this tool reads
                    }
                }
            }
        }
    }

    static void sampleRss(Path root, AtomicBoolean stop) {
        while (!stop.get()) {
            rss(root).forEach((p, kb) -> PEAK_RSS.merge(p, kb, Math::max));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** VmRSS in kB of each process up.sh started, by name. */
    static Map<String, Long> rss(Path root) {
        Map<String, Long> out = new TreeMap<>();
        for (String p : PROCESSES) {
            try {
                String pid = Files.readString(root.resolve(".local/pids/" + p + ".pid")).strip();
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        out.put(p, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not running
            }
        }
        return out;
    }

    /** User and system CPU time of each process, in clock ticks (100 a second on Linux). */
    static Map<String, Long> cpuTicks(Path root) {
        Map<String, Long> out = new TreeMap<>();
        for (String p : PROCESSES) {
            try {
                String pid = Files.readString(root.resolve(".local/pids/" + p + ".pid")).strip();
                out.put(p, ticks(Path.of("/proc", pid))[1]);
            } catch (IOException | RuntimeException e) {
                // not running
            }
        }
        postgresTicks(root).ifPresent(t -> out.put("postgres", t));
        return out;
    }

    /** PostgreSQL's CPU is its backends': the postmaster and every process it forked. */
    static java.util.Optional<Long> postgresTicks(Path root) {
        try (var procs = Files.list(Path.of("/proc"))) {
            String master = Files.readString(root.resolve(".local/pids/postgres.pid")).strip();
            long ticks = 0;
            for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long[] parentAndTicks = ticks(proc);
                    if (proc.getFileName().toString().equals(master) || parentAndTicks[0] == Long.parseLong(master)) {
                        ticks += parentAndTicks[1];
                    }
                } catch (IOException e) {
                    // the process has gone
                }
            }
            return java.util.Optional.of(ticks);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** A process's parent pid and its user + system CPU time in clock ticks, from /proc/&lt;pid&gt;/stat. */
    static long[] ticks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]) };
    }

    static Map<String, Long> mb(Map<String, Long> kb) {
        Map<String, Long> out = new TreeMap<>();
        kb.forEach((p, v) -> out.put(p, v / 1024));
        return out;
    }

    /** Articles as an integrator posts them, each under a fresh externalId. */
    static final class Corpus {

        /** GVC and ECB+ texts, then WCXB bodies as text, cycled with fresh ids if more are asked for. */
        static List<String> text(Path data, String run, int n) throws IOException {
            List<Map<String, Object>> items = new ArrayList<>();
            for (String file : List.of("clustering-dev/gvc_dev.jsonl", "clustering-dev/ecbplus_dev.jsonl")) {
                for (String line : Files.readAllLines(data.resolve(file))) {
                    if (!line.isBlank()) {
                        JsonNode a = JSON.readTree(line);
                        items.add(article(a.path("title").asText(""), a.path("text").asText(""),
                                a.path("published").asText(null), a.path("source").asText(null)));
                    }
                }
            }
            try (var files = Files.list(data.resolve("extraction-wcxb-dev/ground-truth"))) {
                for (Path p : files.sorted().toList()) {
                    JsonNode gt = JSON.readTree(p.toFile()).path("ground_truth");
                    String body = gt.path("main_content").asText("");
                    if (body.length() > 200) {
                        items.add(article(gt.path("title").asText(""), body, null, "wcxb"));
                    }
                }
            }
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Map<String, Object> a = new LinkedHashMap<>(items.get(i % items.size()));
                a.put("externalId", "load-" + run + "-" + i);
                if (i >= items.size()) {
                    a.put("text", a.get("text") + "\n\nUpdate " + (i / items.size()) + ".");
                }
                out.add(JSON.writeValueAsString(a));
            }
            return out;
        }

        /** WCXB dev HTML pages, with their URLs. */
        static List<String> html(Path data, String run, int n) throws IOException {
            List<String> out = new ArrayList<>();
            try (var files = Files.list(data.resolve("extraction-wcxb-dev/html"))) {
                for (Path p : files.sorted().toList()) {
                    if (out.size() == n) {
                        break;
                    }
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("externalId", "load-" + run + "-" + p.getFileName());
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        a.put("html", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    out.add(JSON.writeValueAsString(a));
                }
            }
            return out;
        }

        private static Map<String, Object> article(String title, String text, String published, String source) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("title", title);
            a.put("text", text);
            if (published != null) {
                a.put("published", published);
            }
            if (source != null) {
                a.put("source", source);
            }
            return a;
        }
    }
}
