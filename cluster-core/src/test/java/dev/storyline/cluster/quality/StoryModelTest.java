package dev.storyline.cluster.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storyline.cluster.core.Settings;
import dev.storyline.cluster.core.StoryModel;
import dev.storyline.cluster.offline.ModelTrainer;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.testsupport.SharedData;

/** The shipped story-model weights are exactly what the documented training command fits on the dev data. */
class StoryModelTest {

    @Test
    void shippedDatedWeightsAreWhatTheTrainerFits() throws Exception {
        Map<Path, List<OfflineClustering.Article>> files = new LinkedHashMap<>();
        for (String set : new String[] { "gvc", "ecbplus" }) {
            Path p = SharedData.require("clustering-dev/" + set + "_dev.jsonl");
            files.put(p, OfflineClustering.read(p));
        }
        StoryModel fitted = ModelTrainer.fit(files, Settings.defaults());
        StoryModel shipped = StoryModel.defaults();
        assertArrayEquals(shipped.dated(), fitted.dated(), 0.005, // rounding, and Math.log/exp may differ in the last bit once compiled
                "story-model.properties is stale: rerun cluster-service/cluster-train.sh --out ...");
        int gapLonger = StoryModel.FEATURES.indexOf("gap-longer");
        int centroid = StoryModel.FEATURES.indexOf("centroid");
        assertTrue(fitted.dated()[gapLonger] < 0, "a month apart counts against");
        assertTrue(fitted.dated()[centroid] > 0, "similar text counts for");
    }
}
