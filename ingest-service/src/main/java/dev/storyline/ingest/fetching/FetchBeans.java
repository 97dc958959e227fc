package dev.storyline.ingest.fetching;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.storyline.pull.feeds.FeedReader;
import dev.storyline.pull.fetch.AddressPolicy;
import dev.storyline.pull.fetch.FetchSettings;
import dev.storyline.pull.fetch.HostResolver;
import dev.storyline.pull.fetch.RobotsRules;
import dev.storyline.pull.fetch.SafeFetcher;
import dev.storyline.pull.fetch.UrlGate;

/** The pull module's parts, built from {@link FetchConfig}. */
public class FetchBeans {

    private static final Logger LOG = Logger.getLogger(FetchBeans.class);

    @Produces
    @Singleton
    UrlGate gate(FetchConfig config) {
        List<String> allow = config.allow().orElse(List.of());
        if (!allow.isEmpty()) {
            LOG.warnf("fetches to %s skip the address check (STORYLINE_FETCH_ALLOW)", allow);
        }
        return new UrlGate(AddressPolicy.standard(), HostResolver.system(), new HashSet<>(allow));
    }

    @Produces
    @Singleton
    SafeFetcher fetcher(FetchConfig config, UrlGate gate) {
        return new SafeFetcher(new FetchSettings(config.userAgent(), config.maxBytes(), config.timeout(),
                config.maxRedirects(), config.perHostConcurrency(), config.perHostDelay()), gate);
    }

    void close(@Disposes SafeFetcher fetcher) throws IOException {
        fetcher.close();
    }

    @Produces
    @Singleton
    RobotsRules robots(FetchConfig config, SafeFetcher fetcher) {
        return new RobotsRules(fetcher, config.robotsAgent(), config.robotsTtl(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    FeedReader feedReader() {
        return new FeedReader();
    }
}
