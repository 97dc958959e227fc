package dev.storyline.ingest.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.ingest.fetching.PageFetcher;
import dev.storyline.ingest.intake.ArticleSubmission;
import dev.storyline.ingest.intake.IntakeService;
import dev.storyline.pull.feeds.FeedEntry;
import dev.storyline.pull.feeds.FeedReader;
import dev.storyline.pull.feeds.FeedUnreadable;
import dev.storyline.pull.feeds.ParsedFeed;
import dev.storyline.pull.fetch.FetchRefused;
import dev.storyline.pull.fetch.Fetched;
import dev.storyline.pull.fetch.SafeFetcher;

/**
 * One poll of one feed: a conditional GET, the feed read, its new items taken through the same path as
 * {@code POST /api/articles}, and the feed's health and next poll recorded. A 304 costs one request and one
 * row update. A feed that cannot be fetched or read (a DOCTYPE included) is FAILING with the reason, and nothing
 * from it is taken.
 */
@ApplicationScoped
public class FeedRefresher {

    private static final Logger LOG = Logger.getLogger(FeedRefresher.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

    @Inject
    SafeFetcher fetcher;

    @Inject
    FeedReader reader;

    @Inject
    PageFetcher pages;

    @Inject
    IntakeService intake;

    @Inject
    FeedService feeds;

    @Inject
    FeedsConfig config;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    public void poll(String feedId) {
        Feed feed = QuarkusTransaction.requiringNew().call(() -> {
            Feed f = Feed.findById(feedId);
            if (f != null) {
                em.detach(f);
            }
            return f;
        });
        if (feed == null) {
            return; // unsubscribed meanwhile
        }
        Instant now = Instant.now();
        try {
            Fetched answer = fetcher.fetch(URI.create(feed.url), new SafeFetcher.Validators(feed.etag, feed.lastModified),
                    ACCEPT, Long.MAX_VALUE);
            if (answer.notModified()) {
                registry.counter("storyline.feeds.polls", "outcome", "not-modified").increment();
                succeeded(feed.id, now, answer, null, 0, 0, List.of());
                return;
            }
            ParsedFeed parsed = reader.read(answer.body(), answer.declaredCharset(), answer.mediaType());
            int[] counts = take(feed, parsed, answer.finalUri());
            registry.counter("storyline.feeds.polls", "outcome", "ok").increment();
            succeeded(feed.id, now, answer, parsed, counts[0], counts[1], parsed.warnings());
        } catch (FetchRefused e) {
            failed(feed.id, now, e.toString());
        } catch (FeedUnreadable e) {
            failed(feed.id, now, "UNREADABLE: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "polling feed %s failed", feed.url);
            failed(feed.id, now, "INTERNAL: " + e);
        }
    }

    /** Takes the new items; answers {seen, accepted}. */
    private int[] take(Feed feed, ParsedFeed parsed, URI feedUrl) {
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> knownKeys(feed.id));
        List<FeedEntry> fresh = FeedItems.fresh(parsed, known, feed.lastSuccessAt == null, config.firstPollMaxItems());
        Feed context = withFeedFacts(feed, parsed);
        List<ArticleSubmission> submissions = new ArrayList<>();
        for (FeedEntry e : fresh) {
            URI link = FeedItems.link(e, feedUrl);
            String html = null;
            if (e.content() == null && link != null) {
                try {
                    html = pages.fetch(link).html();
                } catch (FetchRefused refused) {
                    LOG.debugf("item %s of %s: page not fetched (%s); its summary is the article", link, feed.url, refused);
                }
            }
            submissions.add(FeedItems.submission(e, link, context, html));
        }
        List<IntakeService.Result> results = submissions.isEmpty() ? List.of() : intake.submitAll(submissions);
        int accepted = 0;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            IntakeService.Result r = results.get(i);
            String articleId = r.refused() == null ? r.outcome().id() : null;
            if (r.refused() == null && !r.outcome().duplicate()) {
                accepted++;
            }
            if (r.refused() != null) {
                LOG.infof("an item of %s was refused: %s", feed.url, r.refused().getMessage());
            }
            rows.add(new Object[] { FeedItems.key(fresh.get(i)), articleId, fresh.get(i).published() == null });
        }
        QuarkusTransaction.requiringNew().run(() -> remember(feed.id, rows));
        return new int[] { fresh.size(), accepted };
    }

    private static Feed withFeedFacts(Feed feed, ParsedFeed parsed) {
        Feed f = new Feed();
        f.id = feed.id;
        f.url = feed.url;
        f.siteUrl = parsed.siteUrl() != null ? parsed.siteUrl() : feed.siteUrl;
        f.language = parsed.language() != null ? parsed.language() : feed.language;
        return f;
    }

    @SuppressWarnings("unchecked")
    private Set<String> knownKeys(String feedId) {
        return new HashSet<>(em.createNativeQuery("SELECT item_key FROM feed_item WHERE feed_id = ?1")
                .setParameter(1, feedId).getResultList());
    }

    private void remember(String feedId, List<Object[]> rows) {
        for (Object[] r : rows) {
            em.createNativeQuery("""
                    INSERT INTO feed_item (feed_id, item_key, article_id, undated, seen_at) VALUES (?1, ?2, ?3, ?4, now())
                    ON CONFLICT DO NOTHING""").setParameter(1, feedId).setParameter(2, r[0]).setParameter(3, r[1])
                    .setParameter(4, r[2]).executeUpdate();
        }
    }

    private void succeeded(String id, Instant at, Fetched answer, ParsedFeed parsed, int seen, int accepted,
            List<String> warnings) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feed f = Feed.findById(id);
            if (f == null) {
                return;
            }
            f.status = Feed.Status.OK;
            f.failures = 0;
            f.lastFetchedAt = at;
            f.lastSuccessAt = at;
            f.lastError = warnings.isEmpty() ? null : "read with repairs: " + String.join("; ", warnings);
            f.etag = answer.etag() != null ? answer.etag() : answer.notModified() ? f.etag : null;
            f.lastModified = answer.lastModified() != null ? answer.lastModified() : answer.notModified() ? f.lastModified : null;
            if (parsed != null) {
                f.title = parsed.title() != null ? truncate(parsed.title(), 4096) : f.title;
                f.siteUrl = parsed.siteUrl() != null ? truncate(parsed.siteUrl(), 4096) : f.siteUrl;
                f.language = parsed.language() != null ? truncate(parsed.language(), 35) : f.language;
                f.format = parsed.format();
            }
            f.polls++;
            f.itemsSeen += seen;
            f.itemsAccepted += accepted;
            f.nextFetchAt = feeds.nextPoll(f, 0, at);
            f.leaseUntil = null;
        });
    }

    private void failed(String id, Instant at, String reason) {
        registry.counter("storyline.feeds.polls", "outcome", "failed").increment();
        QuarkusTransaction.requiringNew().run(() -> {
            Feed f = Feed.findById(id);
            if (f == null) {
                return;
            }
            f.status = Feed.Status.FAILING;
            f.failures++;
            f.lastFetchedAt = at;
            f.lastError = truncate(reason, 2000);
            f.polls++;
            f.nextFetchAt = feeds.nextPoll(f, f.failures, at);
            f.leaseUntil = null;
        });
        LOG.infof("feed %s failed: %s", id, reason);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
