package dev.storyline.ingest.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How long an article may go without a verdict, how often it is handed to the pipeline, and how often to look. */
@ConfigMapping(prefix = "storyline.ingest.verdict")
public interface LifecycleConfig {

    /** How long a stage may take to judge an article before it is handed over again. */
    Duration timeout();

    /** Deliveries after which an article still without a verdict is REJECTED by stage {@code pipeline}. */
    int maxDeliveries();

    /** How often to look for articles without a verdict. */
    Duration sweepInterval();
}
