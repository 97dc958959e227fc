package dev.storyline.ingest.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.ingest.intake.Hashes;
import dev.storyline.ingest.intake.RejectedSubmission;
import dev.storyline.pull.opml.Opml;

/** Subscriptions: adding (one, or an OPML list), listing, removing, and asking for a poll now. */
@ApplicationScoped
public class FeedService {

    /** A subscription asked for, and whether it is new. */
    public record Subscribed(Feed feed, boolean created) {
    }

    /** What an OPML import did with each outline. */
    public record Imported(List<String> added, List<String> existing, List<Refused> refused) {
        public record Refused(String url, String reason) {
        }
    }

    @Inject
    FeedsConfig config;

    public Subscribed subscribe(String url, Integer intervalSeconds) {
        URI uri = checkedUrl(url);
        int interval = intervalSeconds == null ? config.defaultIntervalSeconds() : intervalSeconds;
        if (interval < config.minIntervalSeconds()) {
            throw RejectedSubmission.badRequest("intervalSeconds must be at least " + config.minIntervalSeconds());
        }
        String key = Hashes.sha256(uri.toString());
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Feed> known = Feed.find("urlHash", key).firstResultOptional();
            if (known.isPresent()) {
                return new Subscribed(known.get(), false);
            }
            Feed f = new Feed();
            f.id = UUID.randomUUID().toString();
            f.url = uri.toString();
            f.urlHash = key;
            f.status = Feed.Status.NEW;
            f.intervalSeconds = interval;
            f.createdAt = Instant.now();
            f.nextFetchAt = f.createdAt.plusMillis(
                    ThreadLocalRandom.current().nextLong(Math.max(1, config.firstPollSpread().toMillis())));
            f.persist();
            return new Subscribed(f, true);
        });
    }

    public Imported importOpml(String opml) {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(opml);
        } catch (IllegalArgumentException e) {
            throw RejectedSubmission.badRequest(e.getMessage());
        }
        Imported result = new Imported(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Opml.Outline o : outlines) {
            try {
                Subscribed s = subscribe(o.xmlUrl(), null);
                (s.created() ? result.added() : result.existing()).add(s.feed().url);
            } catch (RejectedSubmission e) {
                result.refused().add(new Imported.Refused(o.xmlUrl(), e.getMessage()));
            }
        }
        return result;
    }

    public String exportOpml() {
        List<Feed> feeds = Feed.listAll(io.quarkus.panache.common.Sort.by("createdAt"));
        return Opml.write("Storyline feeds", feeds.stream().map(f -> new Opml.Outline(f.url, f.title)).toList());
    }

    public Feed get(String id) {
        return Feed.<Feed>findByIdOptional(id).orElseThrow(() -> new RejectedSubmission(404, "no feed with id " + id));
    }

    public void delete(String id) {
        boolean gone = QuarkusTransaction.requiringNew().call(() -> Feed.deleteById(id));
        if (!gone) {
            throw new RejectedSubmission(404, "no feed with id " + id);
        }
    }

    /** Makes the feed due now; the poller takes it within {@code poll-every}. */
    public Feed refreshNow(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Feed f = get(id);
            f.nextFetchAt = Instant.now();
            return f;
        });
    }

    /** The next poll after a success (interval, jittered) or after the n-th failure in a row (doubling, capped). */
    public Instant nextPoll(Feed f, int failures, Instant now) {
        double base = f.intervalSeconds * Math.pow(2, Math.min(failures, 30));
        double capped = Math.min(base, config.maxBackoff().toSeconds());
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.jitter();
        return now.plus(Duration.ofMillis((long) (capped * factor * 1000)));
    }

    private static URI checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw RejectedSubmission.badRequest("url is required");
        }
        try {
            URI uri = new URI(url.strip()).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw RejectedSubmission.badRequest("a feed URL must be an absolute http or https URL: " + url);
            }
            if (uri.getRawUserInfo() != null) {
                throw RejectedSubmission.badRequest("a feed URL with user-info is refused");
            }
            if (uri.toString().length() > 4096) {
                throw RejectedSubmission.badRequest("a feed URL is at most 4096 characters");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw RejectedSubmission.badRequest("not a URL: " + e.getMessage());
        }
    }
}
