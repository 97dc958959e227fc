package dev.storyline.cluster.offline;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.StoryClusterer;
import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.core.Settings;

/**
 * Offline mode: clusters a JSONL file in the clustering-dev format ({@code id, title, text, published, ...}) in
 * file order with the same core the service uses, and writes {@code {"id","cluster"}} lines. No Kafka, no
 * database. With {@code --score}, it also reads the gold {@code story} field (after clustering, never during) and
 * prints B-cubed and pairwise scores to standard error.
 *
 * <pre>cluster-service/cluster-offline.sh input.jsonl [output.jsonl] [--score]</pre>
 */
public final class OfflineClustering {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One article as read from the file; {@code story} is the gold label, kept apart from what the clusterer sees. */
    public record Article(ClusterInput input, String story) {
    }

    public record Result(Map<String, String> clusters, Map<String, String> nearDuplicates) {
    }

    private OfflineClustering() {
    }

    public static List<Article> read(Path jsonl) throws IOException {
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            long arrival = 0;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String published = n.path("published").isTextual() ? n.get("published").asText() : null;
                LocalDate day = published == null || published.length() < 10 ? null : LocalDate.parse(published.substring(0, 10));
                out.add(new Article(new ClusterInput(n.get("id").asText(), n.path("title").asText(""),
                        n.path("text").asText(""), day, arrival++), n.path("story").asText(null)));
            }
        }
        return out;
    }

    public static Result cluster(List<Article> articles, StoryClusterer clusterer) {
        Map<String, String> clusters = new LinkedHashMap<>();
        Map<String, String> copies = new LinkedHashMap<>();
        for (Article a : articles) {
            Decision d = clusterer.assign(a.input());
            clusters.put(a.input().id(), d.storyId());
            if (d.nearDuplicateOf() != null) {
                copies.put(a.input().id(), d.nearDuplicateOf());
            }
            for (String copy : d.nowCopiesOfThis()) {
                copies.put(copy, a.input().id());
            }
        }
        // Merges re-label earlier articles: report every article under its story's final id.
        clusters.replaceAll((id, story) -> clusterer.storyOf(id));
        return new Result(clusters, copies);
    }

    public static void main(String[] args) throws IOException {
        List<String> files = new ArrayList<>();
        boolean score = false;
        for (String a : args) {
            if (a.equals("--score")) {
                score = true;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty() || files.size() > 2) {
            System.err.println("usage: cluster-offline.sh input.jsonl [output.jsonl] [--score]");
            System.exit(2);
        }
        List<Article> articles = read(Path.of(files.get(0)));
        long started = System.nanoTime();
        // -Dstoryline.cluster.<key>=<value> (CLUSTER_JAVA_OPTS) overrides a setting, as in the service
        Result result = cluster(articles, Clusterers.standard(Settings.fromSystemProperties()));
        double seconds = (System.nanoTime() - started) / 1e9;
        try (BufferedWriter w = new BufferedWriter(files.size() == 2
                ? Files.newBufferedWriter(Path.of(files.get(1)), StandardCharsets.UTF_8)
                : new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (Map.Entry<String, String> e : result.clusters().entrySet()) {
                w.write(JSON.writeValueAsString(Map.of("id", e.getKey(), "cluster", e.getValue())));
                w.newLine();
            }
        }
        PrintStream err = System.err;
        err.printf("%d articles, %d clusters, %.2f s%n", articles.size(),
                result.clusters().values().stream().distinct().count(), seconds);
        if (score) {
            Map<String, String> gold = new LinkedHashMap<>();
            articles.forEach(a -> gold.put(a.input().id(), a.story()));
            err.println("B-cubed  " + ClusterMetrics.bcubed(result.clusters(), gold));
            err.println("pairwise " + ClusterMetrics.pairwise(result.clusters(), gold));
        }
    }

}
