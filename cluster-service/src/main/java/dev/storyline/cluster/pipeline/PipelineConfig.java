package dev.storyline.cluster.pipeline;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cluster-service talks to Kafka around its decisions. */
@ConfigMapping(prefix = "storyline.cluster.pipeline")
public interface PipelineConfig {

    /** How long to wait for Kafka to acknowledge a story event or a dead letter. */
    @WithDefault("150s")
    Duration publishTimeout();

    /** How often story events not yet acknowledged are published again. */
    @WithDefault("30s")
    Duration eventSweepInterval();

    /** How long a poll waits to gather articles before they are sorted into arrival order (fetch.max.wait.ms). */
    @WithDefault("100")
    int reorderWindowMs();
}
