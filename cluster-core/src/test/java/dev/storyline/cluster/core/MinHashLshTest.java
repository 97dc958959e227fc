package dev.storyline.cluster.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storyline.cluster.core.MinHashLsh;

class MinHashLshTest {

    private static final String WIRE = "NATO defence chiefs were due to hold a virtual meeting on Wednesday, a senior "
            + "alliance official said, as countries pushing for an end to the war devise possible future security "
            + "guarantees for Kyiv that could help forge a peace agreement between the two sides after years of war.";

    @Test
    void bandsAndRowsFollowTheThreshold() {
        MinHashLsh low = new MinHashLsh(0.3, 128, 5);
        MinHashLsh high = new MinHashLsh(0.8, 128, 5);
        assertTrue(low.bands() * low.rows() <= 128 && high.bands() * high.rows() <= 128);
        // A higher threshold asks for more rows per band: fewer, stricter buckets.
        assertTrue(high.rows() > low.rows(), low.rows() + " rows at 0.3, " + high.rows() + " at 0.8");
        // The S-curve's midpoint (1/b)^(1/r) sits near the threshold.
        double mid = Math.pow(1.0 / high.bands(), 1.0 / high.rows());
        assertEquals(0.8, mid, 0.15);
    }

    @Test
    void copiesPointToTheEarliestPublishedEvenWhenItArrivesLater() {
        MinHashLsh lsh = new MinHashLsh(0.5, 128, 5);
        LocalDate day = LocalDate.of(2025, 8, 20);
        assertNull(lsh.add("late", WIRE, day.plusDays(1), 0).copyOf());
        MinHashLsh.Copies early = lsh.add("early", WIRE + " More to follow.", day, 1);
        assertNull(early.copyOf(), "published first: the original");
        assertEquals(List.of("late"), early.nowCopiesOfThis());
        assertEquals("early", lsh.add("third", WIRE, day.plusDays(1), 2).copyOf());
    }

    @Test
    void differentTextsAreNotCopies() {
        MinHashLsh lsh = new MinHashLsh(0.5, 128, 5);
        lsh.add("a", WIRE, null, 0);
        assertNull(lsh.add("b", "A storm hit the coast on Tuesday, cutting power to thousands of homes and closing "
                + "schools across the county while crews worked through the night to clear fallen trees.", null, 1)
                .copyOf());
    }

    @Test
    void estimatedSimilarityTracksTheTrueShingleJaccard() {
        MinHashLsh lsh = new MinHashLsh(0.5, 128, 5);
        java.util.Random random = new java.util.Random(3);
        String[] words = new String[300];
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + random.nextInt(100000);
        }
        String base = String.join(" ", words);
        for (int keep : new int[] { 300, 225, 150, 75 }) {
            // the first `keep` words in common, the rest different: shingle Jaccard is known exactly
            String[] other = words.clone();
            for (int i = keep; i < other.length; i++) {
                other[i] = "x" + random.nextInt(100000);
            }
            double shared = Math.max(0, keep - 4);
            double exact = shared / (2 * 296 - shared);
            assertEquals(exact, lsh.similarity(base, String.join(" ", other)), 0.1, "kept " + keep + " words");
        }
        String shortText = "a magnitude six earthquake struck the coast on tuesday";
        assertEquals(1.0, lsh.similarity(shortText, shortText), 1e-9, "a text shorter than the bins is its own copy");
    }
}
