package dev.storyline.cluster.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.core.Settings;
import dev.storyline.cluster.offline.ClusterMetrics;
import dev.storyline.cluster.offline.OfflineClustering;
import dev.storyline.testsupport.SharedData;

/**
 * A developer's tool, not a gate ({@code cluster-core/tool.sh ClusteringTuning "join-threshold=0.2,0.3;name-weight=1,2"}):
 * prints both dev sets' scores for every combination of the given settings.
 */
public final class ClusteringTuning {

    public static void main(String[] args) throws Exception {
        Map<String, List<OfflineClustering.Article>> sets = new LinkedHashMap<>();
        for (String set : new String[] { "gvc", "ecbplus" }) {
            sets.put(set, OfflineClustering.read(SharedData.require("clustering-dev/" + set + "_dev.jsonl")));
        }
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(new HashMap<>());
        for (String axis : args[0].split(";")) {
            String[] kv = axis.split("=");
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> g : grid) {
                for (String v : kv[1].split(",")) {
                    Map<String, String> m = new HashMap<>(g);
                    m.put(kv[0].strip(), v.strip());
                    next.add(m);
                }
            }
            grid = next;
        }
        for (Map<String, String> overrides : grid) {
            StringBuilder line = new StringBuilder(overrides.toString());
            for (Map.Entry<String, List<OfflineClustering.Article>> set : sets.entrySet()) {
                OfflineClustering.Result r = OfflineClustering.cluster(set.getValue(),
                        Clusterers.standard(Settings.load(overrides)));
                Map<String, String> gold = new LinkedHashMap<>();
                set.getValue().forEach(a -> gold.put(a.input().id(), a.story()));
                ClusterMetrics.Score b3 = ClusterMetrics.bcubed(r.clusters(), gold);
                ClusterMetrics.Score pw = ClusterMetrics.pairwise(r.clusters(), gold);
                line.append(String.format("  %s b3 %.3f (%.3f/%.3f) pw %.3f (%.3f/%.3f)", set.getKey(), b3.f1(),
                        b3.precision(), b3.recall(), pw.f1(), pw.precision(), pw.recall()));
            }
            System.out.println("TUNE " + line);
        }
    }
}
