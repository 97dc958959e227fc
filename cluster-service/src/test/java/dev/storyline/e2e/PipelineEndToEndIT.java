package dev.storyline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.storyline.contracts.Topics;
import dev.storyline.testsupport.EmbeddedInfra;
import dev.storyline.testsupport.SharedData;

/**
 * The whole path, for real: the three production jars as separate processes, a real Kafka broker and real
 * PostgreSQL. Seeds go in at ingest-service and must come out as stories at cluster-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(120);

    private static final Map<String, String> SEEDS = new LinkedHashMap<>();
    private static ServiceProcess ingest;
    private static ServiceProcess clean;
    private static ServiceProcess cluster;
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void startPipeline() throws Exception {
        Path seeds = SharedData.require("seeds");
        try (var files = Files.list(seeds)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                SEEDS.put("seed-" + p.getFileName().toString().substring(0, 3), Files.readString(p));
            }
        }
        assertEquals(5, SEEDS.size(), "five seed articles in " + seeds);

        EmbeddedInfra infra = EmbeddedInfra.get();
        Path root = Path.of(System.getProperty("storyline.root.dir", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("cluster-service/target/e2e-logs");
        ingest = new ServiceProcess(root, "ingest-service", env(infra, "ingest_e2e"), logs);
        clean = new ServiceProcess(root, "clean-service", env(infra, "clean_e2e"), logs);
        cluster = new ServiceProcess(root, "cluster-service", env(infra, "cluster_e2e"), logs);
        for (ServiceProcess s : List.of(ingest, clean, cluster)) {
            s.start();
        }
        for (ServiceProcess s : List.of(ingest, clean, cluster)) {
            s.awaitReady(READY);
        }
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        for (ServiceProcess s : new ServiceProcess[] { ingest, clean, cluster }) {
            if (s != null) {
                s.stop();
            }
        }
    }

    private static Map<String, String> env(EmbeddedInfra infra, String db) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.database(db),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres");
    }

    @Test
    @Order(1)
    void everySeedReachesAStory() throws Exception {
        for (Map.Entry<String, String> seed : SEEDS.entrySet()) {
            HttpResponse<String> r = ingest.post("/api/articles", "application/json",
                    JSON.writeValueAsString(Map.of("externalId", seed.getKey(), "source", "seeds", "text", seed.getValue())));
            assertEquals(202, r.statusCode(), r.body());
            ids.put(seed.getKey(), JSON.readTree(r.body()).get("id").asText());
        }
        for (Map.Entry<String, String> e : ids.entrySet()) {
            JsonNode assignment = awaitAssignment(e.getKey());
            assertEquals(e.getValue(), assignment.get("articleId").asText());
            String storyId = assignment.get("storyId").asText();
            JsonNode story = JSON.readTree(cluster.get("/api/stories/" + storyId).body());
            boolean listed = false;
            for (JsonNode a : story.get("articles")) {
                listed |= a.get("id").asText().equals(e.getValue());
            }
            assertTrue(listed, e.getKey() + " is listed in its story " + storyId);
            // The cleaned article is served by clean-service too, with its entity-escaped markup decoded.
            JsonNode cleaned = JSON.readTree(clean.get("/api/articles/" + e.getValue()).body());
            assertTrue(!cleaned.get("text").asText().contains("&comma;"), "entities decoded in " + e.getKey());
        }
    }

    @Test
    @Order(2)
    void theFiveSeedsFormOneStoryWithTheirWireCopiesMarked() throws Exception {
        java.util.Set<String> stories = new java.util.HashSet<>();
        Map<String, String> copyOf = new LinkedHashMap<>();
        for (String seed : SEEDS.keySet()) {
            JsonNode a = awaitAssignment(seed);
            stories.add(a.get("storyId").asText());
            if (!a.get("nearDuplicateOf").isNull()) {
                copyOf.put(seed, a.get("nearDuplicateOf").asText());
            }
        }
        assertEquals(1, stories.size(), "all five seeds in one story");
        assertEquals(1, copyOf.size(), "one copy link (001/004): " + copyOf);
        String copy = copyOf.keySet().iterator().next();
        assertTrue(copy.equals("seed-001") || copy.equals("seed-004"), copy);
        assertEquals(ids.get(copy.equals("seed-001") ? "seed-004" : "seed-001"), copyOf.get(copy));
    }

    @Test
    @Order(3)
    void aTenMegabytePagePassesThroughTheWholePath() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><title>Long report</title></head><body><article>");
        int n = 0;
        while (html.length() < 10_000_000) {
            html.append("<p>Paragraph ").append(n++).append(" of a very long report about the regional budget, ")
                    .append("with figures for every district and every year since the council was formed.</p>\n");
        }
        html.append("</article></body></html>");
        HttpResponse<String> r = ingest.post("/api/articles", "application/json",
                JSON.writeValueAsString(Map.of("externalId", "ten-megabytes", "html", html.toString())));
        assertEquals(202, r.statusCode(), r.body());
        JsonNode assignment = awaitAssignment("ten-megabytes");
        assertEquals(JSON.readTree(r.body()).get("id").asText(), assignment.get("articleId").asText());
    }

    @Test
    @Order(4)
    void aRepeatChangesNothingAndNothingWentToADeadLetterTopic() throws Exception {
        String before = cluster.get("/api/assignments").body();
        String seed = SEEDS.keySet().iterator().next();
        HttpResponse<String> r = ingest.post("/api/articles", "application/json",
                JSON.writeValueAsString(Map.of("externalId", seed, "text", SEEDS.get(seed))));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(ids.get(seed), JSON.readTree(r.body()).get("id").asText());
        Thread.sleep(3000);
        assertEquals(before, cluster.get("/api/assignments").body());
        try (KafkaCompanion kafka = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            assertNoDeadLetters(kafka);
        }
    }

    private static void assertNoDeadLetters(KafkaCompanion kafka) throws InterruptedException {
        for (String dlq : List.of(Topics.deadLetter(Topics.ARTICLES_RAW), Topics.deadLetter(Topics.ARTICLES_CLEAN))) {
            var task = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(dlq);
            Thread.sleep(3000);
            long count = task.count();
            task.stop();
            assertEquals(0, count, dlq + " received records");
        }
    }

    @Test
    @Order(5)
    void restartingClusterServiceChangesNoAssignment() throws Exception {
        String before = cluster.get("/api/assignments").body();
        cluster.stop();
        cluster.start();
        cluster.awaitReady(READY);
        assertEquals(before, cluster.get("/api/assignments").body());
        List<String> lines = new ArrayList<>(List.of(before.split("\n")));
        assertEquals(SEEDS.size() + 1, lines.size(), before);
    }

    @Test
    @Order(6)
    void aStandbyReplicaTakesOverAndBothReplicasServeTheSameAssignments() throws Exception {
        EmbeddedInfra infra = EmbeddedInfra.get();
        Path root = Path.of(System.getProperty("storyline.root.dir", "..")).toAbsolutePath().normalize();
        ServiceProcess standby = new ServiceProcess(root, "cluster-service", env(infra, "cluster_e2e"),
                root.resolve("cluster-service/target/e2e-logs/standby"));
        standby.start();
        try {
            standby.awaitReady(READY);
            // Whichever replica the group made active, one of these two steps stops it: each article must still be
            // clustered, by the replica that is left.
            cluster.stop();
            postText("replica-1", "The harbour authority closed the northern quay on Monday after a crane collapsed "
                    + "onto a cargo ship, injuring two dock workers, officials said.");
            assertEquals("replica-1", awaitAssignment(standby, "replica-1").get("externalId").asText());
            cluster.start();
            cluster.awaitReady(READY);
            standby.stop();
            postText("replica-2", "A regional orchestra announced on Tuesday that its new concert hall will open in "
                    + "the spring, two years later than planned, after a dispute over the acoustics.");
            assertEquals("replica-2", awaitAssignment(cluster, "replica-2").get("externalId").asText());
            standby.start();
            standby.awaitReady(READY);
            assertEquals(cluster.get("/api/assignments").body(), standby.get("/api/assignments").body(),
                    "both replicas serve the same assignments");
        } finally {
            standby.stop();
        }
    }

    @Test
    @Order(7)
    void everyArticleEndsClusteredOrRejectedWithAReasonAndIngestShowsIt() throws Exception {
        String url = "https://news.example.org/2025/08/20/storm-hits-the-coast?id=1";
        HttpResponse<String> brief = ingest.post("/api/articles", "application/json", JSON.writeValueAsString(
                Map.of("externalId", url, "title", "Storm hits the coast, thousands without power")));
        assertEquals(202, brief.statusCode(), brief.body());
        HttpResponse<String> empty = ingest.post("/api/articles", "application/json", JSON.writeValueAsString(
                Map.of("externalId", "nav-only", "html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")));
        assertEquals(202, empty.statusCode(), empty.body());
        String encoded = java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode briefStatus = awaitVerdict(encoded);
        assertEquals("CLUSTERED", briefStatus.get("status").asText(), briefStatus.toString());
        JsonNode assignment = JSON.readTree(cluster.get("/api/articles/by-external-id/" + encoded + "/story").body());
        assertEquals(assignment.get("storyId").asText(), briefStatus.get("storyId").asText());
        JsonNode rejected = awaitVerdict("nav-only");
        assertEquals("REJECTED", rejected.get("status").asText(), rejected.toString());
        assertEquals("clean", rejected.get("stage").asText());
        assertTrue(rejected.get("reason").asText().contains("no usable title or text"), rejected.toString());
    }

    /**
     * The GVC dev file through the batch endpoint, in its publication order, clusters as well as the core does
     * on the same file; the merges it makes commit and reach every reader; nothing is dead-lettered.
     */
    @Test
    @Order(8)
    void theGvcDevFileThroughThePipelineClustersAsWellAsTheCore() throws Exception {
        Path gvc = SharedData.require("clustering-dev/gvc_dev.jsonl");
        List<String> lines = Files.readAllLines(gvc);
        Map<String, String> gold = new LinkedHashMap<>();
        List<String> batch = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            gold.put(n.get("id").asText(), n.get("story").asText());
            Map<String, Object> article = new LinkedHashMap<>();
            article.put("externalId", n.get("id").asText());
            article.put("title", n.path("title").asText(""));
            article.put("text", n.path("text").asText(""));
            if (n.path("published").isTextual()) {
                article.put("published", n.get("published").asText());
            }
            if (n.path("source").isTextual()) {
                article.put("source", n.get("source").asText());
            }
            batch.add(JSON.writeValueAsString(article));
        }
        for (int from = 0; from < batch.size(); from += 500) {
            String body = String.join("\n", batch.subList(from, Math.min(batch.size(), from + 500)));
            HttpResponse<String> r = ingest.post("/api/articles/batch", "application/x-ndjson", body);
            assertEquals(202, r.statusCode(), r.body());
            assertEquals(0, JSON.readTree(r.body()).get("rejected").size(), r.body());
        }
        Map<String, String> predicted = awaitAssignments(gold.keySet(), Duration.ofMinutes(12));

        var core = dev.storyline.cluster.offline.OfflineClustering.cluster(
                dev.storyline.cluster.offline.OfflineClustering.read(gvc), dev.storyline.cluster.core.Clusterers.standard());
        var pipelineB3 = dev.storyline.cluster.offline.ClusterMetrics.bcubed(predicted, gold);
        var pipelinePairs = dev.storyline.cluster.offline.ClusterMetrics.pairwise(predicted, gold);
        var coreB3 = dev.storyline.cluster.offline.ClusterMetrics.bcubed(core.clusters(), gold);
        var corePairs = dev.storyline.cluster.offline.ClusterMetrics.pairwise(core.clusters(), gold);
        System.out.printf("GVC dev parity: pipeline B3 %.4f pairwise %.4f; core B3 %.4f pairwise %.4f%n",
                pipelineB3.f1(), pipelinePairs.f1(), coreB3.f1(), corePairs.f1());
        assertTrue(pipelineB3.f1() >= coreB3.f1() - 0.005, "B-cubed " + pipelineB3 + " against the core's " + coreB3);
        assertTrue(pipelinePairs.f1() >= corePairs.f1() - 0.01, "pairwise " + pipelinePairs + " against " + corePairs);

        // Merges happened, committed, and every article of a surviving story says so at ingest too.
        java.util.Set<String> survivors = new java.util.HashSet<>();
        try (KafkaCompanion kafka = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            var events = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.STORIES_EVENTS);
            Thread.sleep(5000);
            for (var r : events.getRecords()) {
                var e = dev.storyline.contracts.MessageCodec.STORY_EVENT.decode(r.value());
                if (e.type() == dev.storyline.contracts.StoryEvent.Type.STORIES_MERGED) {
                    survivors.add(e.storyId());
                }
            }
            events.stop();
            assertNoDeadLetters(kafka);
        }
        assertTrue(!survivors.isEmpty(), "the GVC dev file makes merges");
        int checked = 0;
        for (Map.Entry<String, String> e : predicted.entrySet()) {
            String finalStory = e.getValue();
            JsonNode status = JSON.readTree(ingest.get("/api/articles/by-external-id/" + e.getKey()).body());
            assertEquals("CLUSTERED", status.get("status").asText(), status.toString());
            assertEquals(finalStory, status.get("storyId").asText(), "ingest and cluster agree on " + e.getKey());
            checked += survivors.contains(finalStory) ? 1 : 0;
        }
        assertTrue(checked > 0, "members of merged stories were checked");
    }

    /**
     * A dead letter makes its article REJECTED with the reason; once the cause is gone, redrive.sh's program sends it
     * back and the article ends CLUSTERED, once, though its record was delivered twice.
     */
    @Test
    @Order(9)
    void aDeadLetterRejectsItsArticleAndARedriveBringsItBack() throws Exception {
        clean.stop();
        String externalId = "redrive-1";
        postText(externalId, "Firefighters contained a blaze at a timber yard on the edge of the city on Thursday "
                + "night after it burned for six hours, the fire service said.");
        JsonNode published = awaitStatus(externalId, "PUBLISHED");
        String id = published.get("id").asText();
        try (KafkaCompanion kafka = new KafkaCompanion(EmbeddedInfra.get().bootstrapServers())) {
            var raw = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.ARTICLES_RAW);
            long deadline = System.currentTimeMillis() + 30_000;
            org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record = null;
            while (record == null && System.currentTimeMillis() < deadline) {
                record = raw.getRecords().stream().filter(r -> id.equals(r.key())).findFirst().orElse(null);
                Thread.sleep(200);
            }
            raw.stop();
            assertTrue(record != null, "the article's record on " + Topics.ARTICLES_RAW);
            // As clean-service's dead-letter writer would have sent it, had cleaning failed for a cause now fixed.
            var dead = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
                    Topics.deadLetter(Topics.ARTICLES_RAW), id, record.value());
            dead.headers().add("dead-letter-reason", "the cleaner's database was away".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            kafka.produce(String.class, byte[].class).fromRecords(dead).awaitCompletion(Duration.ofSeconds(30));
        }
        JsonNode rejected = awaitStatus(externalId, "REJECTED");
        assertTrue(rejected.get("reason").asText().contains("the cleaner's database was away"), rejected.toString());

        Path root = Path.of(System.getProperty("storyline.root.dir", "..")).toAbsolutePath().normalize();
        Process redrive = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), root.resolve("deploy/local/Redrive.java").toString(),
                Topics.deadLetter(Topics.ARTICLES_RAW), EmbeddedInfra.get().bootstrapServers())
                .redirectErrorStream(true).start();
        String output = new String(redrive.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, redrive.waitFor(), output);
        assertTrue(output.contains("done: 1 records re-driven"), output);

        clean.start();
        clean.awaitReady(READY);
        JsonNode clustered = awaitStatus(externalId, "CLUSTERED");
        long listed = java.util.Arrays.stream(cluster.get("/api/assignments").body().split("\n"))
                .filter(l -> l.contains("\"articleId\":\"" + id + "\"")).count();
        assertEquals(1, listed, "clustered once, though delivered twice");
        assertEquals(clustered.get("storyId").asText(),
                JSON.readTree(cluster.get("/api/articles/" + id + "/story").body()).get("storyId").asText());
    }

    /** Waits until ingest shows the (percent-encoded) externalId in one of the wanted states. */
    private static JsonNode awaitStatus(String externalId, String... wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = ingest.get("/api/articles/by-external-id/" + externalId);
            if (r.statusCode() == 200) {
                last = JSON.readTree(r.body());
                if (List.of(wanted).contains(last.get("status").asText())) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(externalId + " never became " + String.join(" or ", wanted) + ": " + last);
    }

    private static Map<String, String> awaitAssignments(java.util.Set<String> externalIds, Duration timeout)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Map<String, String> found = new LinkedHashMap<>();
        while (System.currentTimeMillis() < deadline) {
            found.clear();
            for (String line : cluster.get("/api/assignments").body().split("\n")) {
                if (!line.isBlank()) {
                    JsonNode a = JSON.readTree(line);
                    String ext = a.path("externalId").asText();
                    if (externalIds.contains(ext)) {
                        assertTrue(found.put(ext, a.get("storyId").asText()) == null, ext + " listed twice");
                    }
                }
            }
            if (found.size() == externalIds.size()) {
                // Give the last verdicts a moment to reach ingest.
                Thread.sleep(3000);
                return found;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError(found.size() + " of " + externalIds.size() + " articles reached a story in " + timeout);
    }

    private static JsonNode awaitVerdict(String encodedExternalId) throws Exception {
        return awaitStatus(encodedExternalId, "CLUSTERED", "REJECTED");
    }

    private static void postText(String externalId, String text) throws Exception {
        HttpResponse<String> r = ingest.post("/api/articles", "application/json",
                JSON.writeValueAsString(Map.of("externalId", externalId, "text", text)));
        assertEquals(202, r.statusCode(), r.body());
    }

    private static JsonNode awaitAssignment(String externalId) throws Exception {
        return awaitAssignment(cluster, externalId);
    }

    private static JsonNode awaitAssignment(ServiceProcess replica, String externalId) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = replica.get("/api/articles/by-external-id/" + externalId + "/story");
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(300);
        }
        throw new AssertionError(externalId + " never reached a story");
    }

}
