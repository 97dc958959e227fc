package dev.storyline.clean.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.storyline.testsupport.SharedData;

/**
 * A developer's tool, not a gate ({@code clean-core/tool.sh BlocksDump <wcxb id>...}): the blocks the DOM stage hands
 * the line pass for a WCXB dev page, and what the line pass kept and dropped.
 */
public final class BlocksDump {

    public static void main(String[] args) throws Exception {
        FurniturePatterns f = FurniturePatterns.load();
        for (String id : args) {
            Path file = SharedData.require("extraction-wcxb-dev").resolve("html").resolve(id + ".html.gz");
            byte[] html;
            try (var in = new GZIPInputStream(Files.newInputStream(file))) {
                html = in.readAllBytes();
            }
            Document doc = Jsoup.parse(Decoding.decode(html, null));
            List<String> dropped = new ArrayList<>();
            List<Block> blocks = new HtmlContent(f).blocks(doc.body(), dropped, new Budget(5000));
            System.out.printf("== %s: %d blocks%n", id, blocks.size());
            blocks.stream().limit(25).forEach(b -> System.out.printf("  [%s%.2f] %s%n", b.heading() ? "h " : "",
                    b.linkDensity(), b.text().substring(0, Math.min(120, b.text().length()))));
            LinePass.Result r = new LinePass(f).apply(blocks, null, 4, false, dropped);
            System.out.printf("  kept %d paragraphs; dropped:%n", r.paragraphs.size());
            dropped.stream().limit(25).forEach(d -> System.out.println("    " + d.substring(0, Math.min(140, d.length()))));
        }
    }
}
