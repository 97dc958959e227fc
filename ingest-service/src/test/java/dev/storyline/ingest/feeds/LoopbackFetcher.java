package dev.storyline.ingest.feeds;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.storyline.ingest.fetching.FetchConfig;
import dev.storyline.pull.fetch.FetchSettings;
import dev.storyline.pull.fetch.LoopbackOnly;
import dev.storyline.pull.fetch.SafeFetcher;
import dev.storyline.pull.fetch.UrlGate;

/**
 * In tests the application's fetcher carries a tripwire: any connection beyond loopback is refused and recorded,
 * so a broken address check fails a test instead of sending a packet.
 */
public class LoopbackFetcher {

    public static final LoopbackOnly TRIPWIRE = new LoopbackOnly();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    SafeFetcher fetcher(FetchConfig config, UrlGate gate) {
        return new SafeFetcher(new FetchSettings(config.userAgent(), config.maxBytes(), config.timeout(),
                config.maxRedirects(), config.perHostConcurrency(), config.perHostDelay()), gate, TRIPWIRE);
    }
}
