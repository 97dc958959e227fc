package dev.storyline.cluster.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.StoryClusterer;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.testsupport.SharedData;

/**
 * A restart after merges carries on exactly where the uninterrupted run was. The first part of the GVC dev file is
 * assigned, then a fresh index is rebuilt from what the database holds at that point (each decision in its order: the
 * story the article joined and the stories it folded into it), and the rest is fed to both.
 * Every later decision must be the same.
 */
class RestartAfterMergesTest {

    @ParameterizedTest
    @ValueSource(ints = { 50, 65, 80 })
    void aRestartedIndexMakesTheSameNextDecisions(int percentBeforeTheRestart) throws Exception {
        String set = "gvc";
        List<OfflineClustering.Article> articles = OfflineClustering.read(
                SharedData.require("clustering-dev/" + set + "_dev.jsonl"));
        int cut = articles.size() * percentBeforeTheRestart / 100;
        StoryClusterer uninterrupted = Clusterers.standard();
        Map<String, Decision> stored = new LinkedHashMap<>();
        for (OfflineClustering.Article a : articles.subList(0, cut)) {
            stored.put(a.input().id(), uninterrupted.assign(a.input()));
        }
        assertTrue(stored.values().stream().anyMatch(d -> !d.merged().isEmpty()),
                set + ": the part before the restart makes merges, so the restart replays merged stories");

        StoryClusterer restarted = Clusterers.standard();
        for (OfflineClustering.Article a : articles.subList(0, cut)) {
            Decision d = stored.get(a.input().id());
            restarted.restore(a.input(), d.storyId(), d.merged());
        }

        List<String> differences = new ArrayList<>();
        for (OfflineClustering.Article a : articles.subList(cut, articles.size())) {
            Decision expected = uninterrupted.assign(a.input());
            Decision actual = restarted.assign(a.input());
            if (!expected.equals(actual)) {
                differences.add(a.input().id() + ": " + expected + " but after the restart " + actual);
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " of " + (articles.size() - cut) + " later decisions differ");
        for (OfflineClustering.Article a : articles) {
            assertEquals(uninterrupted.storyOf(a.input().id()), restarted.storyOf(a.input().id()), a.input().id());
        }
    }
}
