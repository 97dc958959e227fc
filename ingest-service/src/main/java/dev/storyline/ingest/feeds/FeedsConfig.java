package dev.storyline.ingest.feeds;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How feeds are polled. */
@ConfigMapping(prefix = "storyline.feeds")
public interface FeedsConfig {

    /** A feed's poll interval when the subscriber gives none. */
    @WithDefault("900")
    int defaultIntervalSeconds();

    /** The shortest interval a subscriber may ask for. */
    @WithDefault("60")
    int minIntervalSeconds();

    /** The longest wait after failures (the backoff doubles the interval per failure up to this). */
    @WithDefault("24h")
    Duration maxBackoff();

    /** Each wait is the interval times a random factor in [1 - jitter, 1 + jitter], so polls spread out. */
    @WithDefault("0.1")
    double jitter();

    /** A new feed's first poll comes within this, at random, so an OPML import of 1,000 does not fire at once. */
    @WithDefault("30s")
    Duration firstPollSpread();

    /** The most items a feed's first poll takes (the newest, in feed order); later polls take every new one. */
    @WithDefault("100")
    int firstPollMaxItems();

    /** How often the poller looks for due feeds. */
    @WithDefault("5s")
    Duration pollEvery();

    /** Feeds one replica takes per look. */
    @WithDefault("20")
    int claimBatch();

    /** How long a replica holds a feed it is polling; another replica may take it after that. */
    @WithDefault("3m")
    Duration lease();

    /** Threads fetching feeds and their items' pages at once. */
    @WithDefault("4")
    int fetchThreads();
}
