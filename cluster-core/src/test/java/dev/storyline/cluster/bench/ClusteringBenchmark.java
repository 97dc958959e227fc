package dev.storyline.cluster.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.core.StoryClusterer;

/**
 * Articles per second on one thread, with {@code active} synthetic articles already in the index: the per-article
 * cost must stay flat as the index grows. Setup prints the heap used per active article. Run with
 * {@code cluster-core/bench.sh}. Three forks: on this 2-core machine one JVM's mean can differ from the next one's
 * by 15 % (how the JIT compiled the hot loop), more than the spread of iterations within a fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = { "-Xms8g", "-Xmx8g" })
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ClusteringBenchmark {

    static final int BATCH = 1000;

    @Param({ "10000", "100000" })
    public int active;

    private StoryClusterer clusterer;
    private SyntheticNews news;
    private List<ClusterInput> batch;

    @Setup(Level.Trial)
    public void fill() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        clusterer = Clusterers.standard();
        news = new SyntheticNews(42);
        for (int i = 0; i < active; i++) {
            clusterer.assign(news.next());
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%n[memory] %d active articles: %.1f KB heap per article%n", active,
                (after - before) / 1024.0 / active);
    }

    /** Fresh articles for every invocation: each is assigned once, as in a real stream. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = news.take(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void assign(Blackhole bh) {
        for (ClusterInput a : batch) {
            bh.consume(clusterer.assign(a));
        }
    }
}
