package dev.storyline.ingest.fetching;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How ingest fetches feeds and pages (README, "Pulling the news"). */
@ConfigMapping(prefix = "storyline.fetch")
public interface FetchConfig {

    /** Sent with every request; names Storyline and where to reach its operator. */
    @WithDefault("Storyline/0.1 (+https://github.com/storyline-news/storyline)")
    String userAgent();

    /** The product token matched against robots.txt groups. */
    @WithDefault("storyline")
    String robotsAgent();

    /** The most a fetched body may hold, after decompression. */
    @WithDefault("10000000")
    long maxBytes();

    /** The most one fetch may take, redirects included. */
    @WithDefault("30s")
    Duration timeout();

    @WithDefault("5")
    int maxRedirects();

    /** Exact host:port pairs that skip the address check: STORYLINE_FETCH_ALLOW, empty by default. */
    Optional<List<String>> allow();

    /** Requests to one host at a time. */
    @WithDefault("2")
    int perHostConcurrency();

    /** The least time between the starts of two requests to one host. */
    @WithDefault("1s")
    Duration perHostDelay();

    /** How long a host's robots.txt is trusted. */
    @WithDefault("24h")
    Duration robotsTtl();
}
