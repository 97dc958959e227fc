package dev.storyline.support.metrics;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where a consumer's poll spends its time, stage by stage, as the timer {@code storyline.poll.stage} with the tags
 * {@code channel} and {@code stage} (on /q/metrics). It is how an operator sees which stage a backlog waits on.
 */
public final class PollStages {

    /** A stage's work that answers nothing. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final MeterRegistry registry;
    private final String channel;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PollStages(MeterRegistry registry, String channel) {
        this.registry = registry;
        this.channel = channel;
    }

    public <T> T time(String stage, Callable<T> work) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        try {
            return work.call();
        } finally {
            sample.stop(timer(stage));
        }
    }

    public void run(String stage, Step step) throws Exception {
        time(stage, () -> {
            step.run();
            return null;
        });
    }

    private Timer timer(String stage) {
        return timers.computeIfAbsent(stage, s -> Timer.builder("storyline.poll.stage")
                .description("Time a consumer's poll spends in each stage").tag("channel", channel).tag("stage", s)
                .register(registry));
    }
}
