package dev.storyline.clean.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.FurniturePatterns;
import dev.storyline.clean.extract.JsoupExtractor;
import dev.storyline.clean.extract.LinguaLanguageGuesser;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.clean.quality.ExtractionDevSet;

/**
 * Pages per second on one thread over the 91 dev pages: our extractor against the ceiling of any Jsoup-based
 * extractor, a plain Jsoup parse plus {@code text()}. Run with {@code clean-service/bench.sh} (adds {@code -prof gc}
 * for bytes allocated per page). One operation is one page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

    static final int PAGES = 91;

    private List<String> pages;
    private ArticleExtractor extractor;

    @Setup
    public void load() throws Exception {
        pages = ExtractionDevSet.load().stream().map(p -> Decoding.decode(p.html(), null)).toList();
        if (pages.size() != PAGES) {
            throw new IllegalStateException("expected " + PAGES + " dev pages, found " + pages.size());
        }
        extractor = new JsoupExtractor(FurniturePatterns.load(), new LinguaLanguageGuesser(), 5000);
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void storyline(Blackhole bh) {
        for (String page : pages) {
            bh.consume(extractor.extract(RawInput.of(page)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void jsoupParseAndText(Blackhole bh) {
        for (String page : pages) {
            bh.consume(Jsoup.parse(page).body().text());
        }
    }
}
