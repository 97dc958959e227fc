package dev.storyline.clean.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.clean.quality.ExtractionDevSet;
import dev.storyline.clean.quality.ExtractionQualityTest;
import dev.storyline.clean.quality.ShingleMetric;
import dev.storyline.clean.quality.ExtractionDevSet;
import dev.storyline.clean.quality.ExtractionQualityTest;
import dev.storyline.clean.quality.ShingleMetric;

/**
 * A developer's tool, not a gate ({@code clean-core/tool.sh ExtractionDebug <id prefix>|all}): writes what the
 * extractor made of those extraction-dev pages, what it dropped and the reference, to
 * {@code clean-core/target/extract-debug/}.
 */
public final class ExtractionDebug {

    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "all";
        Path out = Path.of("clean-core/target/extract-debug");
        Files.createDirectories(out);
        for (ExtractionDevSet.Page page : ExtractionDevSet.load()) {
            if (!page.id().startsWith(prefix) && !prefix.equals("all")) {
                continue;
            }
            Extraction e = ExtractionQualityTest.EXTRACTOR.extract(
                    new RawInput(Decoding.decode(page.html(), null), null, page.url(), null, null));
            ShingleMetric.PageScore s = ShingleMetric.score(page.id(), e.text(), page.truth());
            Files.writeString(out.resolve(page.id().substring(0, 8) + ".txt"),
                    String.format("%s%nF1 %.3f P %.3f R %.3f%ntitle: %s%npublished: %s%nbylines: %s%n%n=== PREDICTED%n%s%n%n"
                            + "=== TRUTH%n%s%n%n=== DROPPED%n%s%n", page.url(), s.f1(), s.precision(), s.recall(), e.title(),
                            e.published(), e.bylines(), e.text(), page.truth(), String.join("\n", e.dropped())));
        }
    }
}
