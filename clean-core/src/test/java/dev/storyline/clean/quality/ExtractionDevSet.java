package dev.storyline.clean.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyline.testsupport.SharedData;

/** The 91 pages of {@code ../shared/data/extraction-dev}, read in place. */
public final class ExtractionDevSet {

    public record Page(String id, String url, byte[] html, String truth) {
    }

    private ExtractionDevSet() {
    }

    public static List<Page> load() throws IOException {
        Path dir = SharedData.require("extraction-dev");
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (String id : Files.readAllLines(dir.resolve("ids.txt"))) {
            if (id.isBlank()) {
                continue;
            }
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
                html = in.readAllBytes();
            }
            JsonNode t = truth.get(id);
            pages.add(new Page(id, t.get("url").asText(), html, t.get("articleBody").asText()));
        }
        return pages;
    }
}
