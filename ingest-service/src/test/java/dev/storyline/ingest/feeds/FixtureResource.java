package dev.storyline.ingest.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.storyline.pull.fetch.FixtureServer;

/** A loopback HTTP server for feed and page fixtures; its one port is the only allowed fetch target. */
public class FixtureResource implements QuarkusTestResourceLifecycleManager {

    static volatile FixtureServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new FixtureServer();
            server.on("/robots.txt", x -> FixtureServer.send(x, 200, "text/plain", "User-agent: *\nDisallow: /private\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("storyline.fetch.allow", server.hostPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
