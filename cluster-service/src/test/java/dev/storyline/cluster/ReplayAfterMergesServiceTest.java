package dev.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.StoryClusterer;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.cluster.pipeline.ClusteringService;
import dev.storyline.cluster.store.StoryEventRecord;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;
import dev.storyline.testsupport.InfraResource;
import dev.storyline.testsupport.SharedData;

/**
 * A restart after merges, through PostgreSQL: most of the GVC dev file is assigned by the service, merges included,
 * and by an in-memory index alongside. An index is then rebuilt from the stored decisions, as a restarted service
 * does, and the rest of the file goes to it and to the uninterrupted one. Every decision must be the same, to the
 * last digit of its similarity.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "cluster_replay_test"))
class ReplayAfterMergesServiceTest {

    @Inject
    ClusteringService clustering;

    @Test
    void anIndexRebuiltFromTheDatabaseAfterMergesDecidesAsAnUninterruptedOne() throws Exception {
        List<OfflineClustering.Article> articles = OfflineClustering.read(
                SharedData.require("clustering-dev/gvc_dev.jsonl"));
        int cut = articles.size() / 2;
        // Other tests may have clustered a few articles in this database already: start from them.
        StoryClusterer uninterrupted = QuarkusTransaction.requiringNew().call(clustering::replayStoredDecisions);
        long earlier = uninterrupted.size();
        List<CleanArticle> stream = new ArrayList<>();
        articles.forEach(a -> stream.add(clean(a.input())));
        int merges = 0;
        for (int i = 0; i < cut; i++) {
            Decision service = outcome(clustering.assign(stream.get(i)));
            Decision reference = uninterrupted.assign(input(stream.get(i), articles.get(i), earlier + i));
            assertEquals(comparable(reference), service, "the service decides as the core does");
            merges += service.merged().size();
        }
        assertTrue(merges > 0, "the decisions before the restart include merges");

        StoryClusterer rebuilt = QuarkusTransaction.requiringNew().call(clustering::replayStoredDecisions);
        assertEquals(earlier + cut, rebuilt.size());
        List<String> differences = new ArrayList<>();
        for (int i = cut; i < articles.size(); i++) {
            ClusterInput next = input(stream.get(i), articles.get(i), earlier + i);
            Decision expected = uninterrupted.assign(next);
            Decision actual = rebuilt.assign(next);
            if (!expected.equals(actual)) {
                differences.add(next.id() + ": uninterrupted " + expected + ", rebuilt " + actual);
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " of " + (articles.size() - cut) + " decisions differ after the rebuild");
    }

    private static ClusterInput input(CleanArticle article, OfflineClustering.Article original, long arrival) {
        return new ClusterInput(article.id(), article.title(), article.text(), original.input().published(), arrival);
    }

    /** What the events of a decision can tell: everything but the similarity and the copies found afterwards. */
    private static Decision comparable(Decision d) {
        return new Decision(d.storyId(), d.newStory(), d.nearDuplicateOf(), 0, d.merged(), List.of());
    }

    /** A GVC article as articles.clean carries it, under a fresh id (so reruns on one database stay independent). */
    private static CleanArticle clean(ClusterInput in) {
        String id = UUID.randomUUID().toString();
        String published = in.published() == null ? null : in.published().toString();
        return new CleanArticle(1, id, in.id() + "-" + id, null, null, "gvc", in.title(), List.of(), published, null,
                "en", null, List.of(in.text()), in.text(), Instant.now(), Instant.now(), false, List.of());
    }

    /** The decision as its events tell it: the story joined, whether new, the copy link, and the stories folded. */
    private static Decision outcome(List<StoryEventRecord> records) {
        String story = null;
        String copyOf = null;
        boolean created = false;
        List<String> merged = new ArrayList<>();
        for (StoryEventRecord r : records) {
            StoryEvent e = MessageCodec.STORY_EVENT.decode(r.payload);
            switch (e.type()) {
                case STORIES_MERGED -> merged.addAll(e.mergedStoryIds());
                default -> {
                    story = e.storyId();
                    copyOf = e.nearDuplicateOf();
                    created = e.type() == StoryEvent.Type.STORY_CREATED;
                }
            }
        }
        return new Decision(story, created, copyOf, 0, merged, List.of());
    }
}
