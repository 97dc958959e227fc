package dev.storyline.ingest.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The order both verdict consumers lock rows in: by article id, stable within one article, merges first. */
class VerdictOrderTest {

    /** "article:verdict"; a payload without a colon is one that cannot be read. */
    private static String[] decode(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.contains(":")) {
            throw new IllegalArgumentException("not a verdict: " + text);
        }
        String[] parts = text.split(":", -1);
        return new String[] { parts[0].isEmpty() ? null : parts[0], parts[1] };
    }

    private static List<byte[]> payloads(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void sortsByArticleKeepingEachArticlesOrderAndSkipsWhatCannotBeRead() {
        List<String[]> ordered = VerdictConsumer.inRowOrder("t",
                payloads("b:rejected", "a:cleaned", "garbage", "b:cleaned", ":merge", "a:clustered"),
                VerdictOrderTest::decode, v -> v[0]);
        assertEquals(List.of("null:merge", "a:cleaned", "a:clustered", "b:rejected", "b:cleaned"),
                ordered.stream().map(v -> v[0] + ":" + v[1]).toList());
    }
}
