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
}
