package dev.storyline.clean.pipeline;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How clean-service consumes {@code articles.raw} and publishes what it made. */
@ConfigMapping(prefix = "storyline.clean.pipeline")
public interface CleanPipelineConfig {

    /** Pages cleaned at once per replica: the cores it has (extraction is CPU work against a wall-clock budget). */
    @WithDefault("2")
    int workers();

    /** How long to wait for Kafka to acknowledge what a poll produced. */
    @WithDefault("150s")
    Duration publishTimeout();
}
