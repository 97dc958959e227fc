package dev.storyline.cluster.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class CentroidTest {

    private static SparseVector random(Random r) {
        TreeMap<Integer, Double> m = new TreeMap<>();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            m.put(r.nextInt(200), 1 + r.nextInt(5) / 4.0);
        }
        return new SparseVector(m.keySet().stream().mapToInt(Integer::intValue).toArray(),
                m.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void addingInPlaceSumsTermByTermAsAMapWould() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Centroid c = new Centroid();
            Map<Integer, Double> expected = new TreeMap<>();
            for (int k = 0; k < 1 + r.nextInt(12); k++) {
                SparseVector v = random(r);
                c.add(v);
                for (int i = 0; i < v.ids.length; i++) {
                    expected.merge(v.ids[i], v.weights[i], Double::sum);
                }
            }
            assertEquals(expected.size(), c.size);
            int[] ids = expected.keySet().stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(ids, Arrays.copyOf(c.ids, c.size));
            int i = 0;
            for (double w : expected.values()) {
                assertEquals(w, c.weights[i++], 1e-12);
            }
            // the dot product with a short vector, ids found by binary search, equals the sum over a map
            SparseVector probe = random(r);
            double dot = 0;
            for (int k = 0; k < probe.ids.length; k++) {
                dot += expected.getOrDefault(probe.ids[k], 0.0) * probe.weights[k];
            }
            assertEquals(dot, c.dot(probe.ids, probe.weights), 1e-9);
        }
    }

    @Test
    void trimmingKeepsTheHeaviestTermsTiesByLowerId() {
        Centroid c = new Centroid();
        c.add(new SparseVector(new int[] { 1, 2, 3, 4, 5, 6 }, new double[] { 0.5, 3, 1, 1, 2, 1 }));
        c.keepHeaviest(4);
        assertArrayEquals(new int[] { 2, 3, 4, 5 }, Arrays.copyOf(c.ids, c.size));
        assertArrayEquals(new double[] { 3, 1, 1, 2 }, Arrays.copyOf(c.weights, c.size));
    }
}
