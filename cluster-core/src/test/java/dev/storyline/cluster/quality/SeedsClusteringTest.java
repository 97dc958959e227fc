package dev.storyline.cluster.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.testsupport.SharedData;

/**
 * The five seeds, as clean-service must make them (their gold bodies and titles), form one story; 001 and 004 are
 * copies of one wire text; the translation and the rewrite copy nothing. Mixed into the GVC dev stream they stay
 * one story of their own.
 */
class SeedsClusteringTest {

    static List<OfflineClustering.Article> seeds(long firstArrival) throws Exception {
        Path dir = SharedData.require("seeds");
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).get("articles");
        List<OfflineClustering.Article> out = new ArrayList<>();
        long arrival = firstArrival;
        for (var it = expected.fieldNames(); it.hasNext();) {
            String seed = it.next();
            JsonNode e = expected.get(seed);
            String published = e.path("published").isTextual() ? e.get("published").asText() : null;
            out.add(new OfflineClustering.Article(new ClusterInput("seed-" + seed, e.path("title").asText(""),
                    Files.readString(dir.resolve("gold-" + seed + ".body.txt")),
                    published == null ? null : LocalDate.parse(published), arrival++), "seeds"));
        }
        return out;
    }

    @Test
    void theFiveSeedsAreOneStoryWithOneCopyPair() throws Exception {
        OfflineClustering.Result r = OfflineClustering.cluster(seeds(0), Clusterers.standard());
        assertEquals(1, new HashSet<>(r.clusters().values()).size(), "one story: " + r.clusters());
        Map<String, String> copies = r.nearDuplicates();
        assertTrue(("seed-001".equals(copies.get("seed-004")) || "seed-004".equals(copies.get("seed-001"))),
                "001 and 004 carry the same wire text: " + copies);
        assertNull(copies.get("seed-002"), "a translation copies nothing");
        assertNull(copies.get("seed-003"), "a rewrite copies nothing");
        assertNull(copies.get("seed-000"), "000 shares only part of the wire text");
        assertEquals(1, copies.size(), "one copy link: " + copies);
    }

    @Test
    void theSeedsAreOneStoryInWhateverOrderTheyArrive() throws Exception {
        List<OfflineClustering.Article> seeds = seeds(0);
        List<List<OfflineClustering.Article>> orders = new ArrayList<>();
        permute(new ArrayList<>(seeds), 0, orders);
        assertEquals(120, orders.size());
        for (List<OfflineClustering.Article> order : orders) {
            List<OfflineClustering.Article> stream = new ArrayList<>();
            long arrival = 0;
            for (OfflineClustering.Article a : order) {
                ClusterInput in = a.input();
                stream.add(new OfflineClustering.Article(
                        new ClusterInput(in.id(), in.title(), in.text(), in.published(), arrival++), a.story()));
            }
            OfflineClustering.Result r = OfflineClustering.cluster(stream, Clusterers.standard());
            assertEquals(1, new HashSet<>(r.clusters().values()).size(),
                    "one story when they arrive as " + order.stream().map(a -> a.input().id()).toList() + ": " + r.clusters());
        }
    }

    private static void permute(List<OfflineClustering.Article> list, int from, List<List<OfflineClustering.Article>> out) {
        if (from == list.size()) {
            out.add(new ArrayList<>(list));
            return;
        }
        for (int i = from; i < list.size(); i++) {
            java.util.Collections.swap(list, from, i);
            permute(list, from + 1, out);
            java.util.Collections.swap(list, from, i);
        }
    }

    @Test
    void mixedIntoGvcTheSeedsStayAStoryOfTheirOwn() throws Exception {
        List<OfflineClustering.Article> stream = new ArrayList<>(
                OfflineClustering.read(SharedData.require("clustering-dev/gvc_dev.jsonl")));
        // In the middle of the stream, as if they had arrived among the others.
        stream.addAll(stream.size() / 2, seeds(stream.size()));
        OfflineClustering.Result r = OfflineClustering.cluster(stream, Clusterers.standard());
        Set<String> seedStories = stream.stream().filter(a -> a.story().equals("seeds"))
                .map(a -> r.clusters().get(a.input().id())).collect(Collectors.toSet());
        assertEquals(1, seedStories.size(), "the seeds stay one story");
        List<String> intruders = stream.stream().filter(a -> !a.story().equals("seeds"))
                .filter(a -> seedStories.contains(r.clusters().get(a.input().id()))).map(a -> a.input().id()).toList();
        assertTrue(intruders.isEmpty(), "no GVC article joins the seeds' story: " + intruders);
    }
}
