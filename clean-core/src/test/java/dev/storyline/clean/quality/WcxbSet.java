package dev.storyline.clean.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyline.testsupport.SharedData;

/**
 * WCXB's dev split ({@code ../shared/data/extraction-wcxb-dev}), read in place. Each page falls in one of two halves
 * by its domain, so that a change can be judged on the half its failures were not looked at on.
 */
public final class WcxbSet {

    public enum Half {
        A, B
    }

    public record Page(String id, String url, String domain, Half half, String type, byte[] html, String body,
            String title, String author, String date, List<String> with, List<String> without) {

        public boolean article() {
            return type.equals("article");
        }
    }

    private WcxbSet() {
    }

    public static List<Page> load() throws IOException {
        Path dir = SharedData.require("extraction-wcxb-dev");
        ObjectMapper json = new ObjectMapper();
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("ground-truth"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String id = file.getFileName().toString().replace(".json", "");
                pages.add(page(dir, id, json.readTree(file.toFile())));
            }
        }
        return pages;
    }

    private static Page page(Path dir, String id, JsonNode j) {
        JsonNode truth = j.get("ground_truth");
        String type = j.path("_internal").path("page_type").path("primary").asText("article");
        String url = j.path("url").asText("");
        String domain = url.isEmpty() ? id : domain(url);
        byte[] html;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(id, url.isEmpty() ? null : url, domain, half(domain), type.equals("category") ? "collection" : type,
                html, text(truth, "main_content"), text(truth, "title"), text(truth, "author"),
                text(truth, "publish_date"), list(truth.get("with")), list(truth.get("without")));
    }

    /** The host without a leading {@code www.}: pages of one site stay in one half. */
    static String domain(String url) {
        try {
            String host = URI.create(url.trim().replace(" ", "%20")).getHost();
            host = host == null ? url : host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static Half half(String domain) {
        CRC32 crc = new CRC32();
        crc.update(domain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 0 ? Half.A : Half.B;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(s -> out.add(s.asText()));
        }
        return out;
    }
}
