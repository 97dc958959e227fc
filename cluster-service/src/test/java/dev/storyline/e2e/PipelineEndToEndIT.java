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
            for (String dlq : List.of(Topics.ARTICLES_RAW + Topics.DLQ_SUFFIX, Topics.ARTICLES_CLEAN + Topics.DLQ_SUFFIX)) {
                var task = kafka.consume(String.class, byte[].class).withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(dlq);
                Thread.sleep(3000);
                long count = task.count();
                task.stop();
                assertEquals(0, count, dlq + " received records");
            }
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
