package dev.storyline.pull.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt, read with crawler-commons' parser and cached per origin. A missing robots.txt (4xx) allows all;
 * one that cannot be read (5xx, timeout) disallows for now, as RFC 9309 says, until the cache entry expires.
 */
public final class RobotsRules {

    private record Entry(BaseRobotRules rules, Instant expires) {
    }

    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final SafeFetcher fetcher;
    private final String agentName;
    private final Duration ttl;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /** @param agentName the product token robots.txt groups are matched against (e.g. "storyline") */
    public RobotsRules(SafeFetcher fetcher, String agentName, Duration ttl, Clock clock) {
        this.fetcher = fetcher;
        this.agentName = agentName;
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean allowed(URI url) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        Instant now = clock.instant();
        Entry e = cache.get(origin);
        if (e == null || e.expires().isBefore(now)) {
            e = new Entry(read(origin), now.plus(ttl));
            cache.put(origin, e);
        }
        return e.rules().isAllowed(url.toString());
    }

    private BaseRobotRules read(String origin) {
        URI robots = URI.create(origin + "/robots.txt");
        try {
            Fetched f = fetcher.fetch(robots, SafeFetcher.Validators.NONE, "text/plain, */*", MAX_ROBOTS_BYTES);
            return parser.parseContent(robots.toString(), f.body(), f.contentType(), List.of(agentName));
        } catch (FetchRefused refused) {
            int status = refused.reason() == FetchRefused.Reason.HTTP_STATUS ? refused.httpStatus() : 503;
            return parser.failedFetch(status);
        }
    }
}
