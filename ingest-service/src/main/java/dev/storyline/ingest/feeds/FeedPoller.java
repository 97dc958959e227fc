package dev.storyline.ingest.feeds;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Wakes every {@code poll-every}, claims the feeds that are due (each claimed row gets a lease; rows another
 * replica holds are skipped, {@code FOR UPDATE SKIP LOCKED}), and polls them on a small pool. A replica that
 * dies mid-poll leaves a lease that runs out, so another takes the feed.
 */
@ApplicationScoped
public class FeedPoller {

    @Inject
    EntityManager em;

    @Inject
    FeedsConfig config;

    @Inject
    FeedRefresher refresher;

    private ExecutorService pool;

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(config.fetchThreads(), r -> {
                Thread t = new Thread(r, "storyline-feed-poll");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @Scheduled(every = "${storyline.feeds.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() throws InterruptedException {
        List<String> due;
        do {
            due = QuarkusTransaction.requiringNew().call(this::claim);
            var futures = due.stream().map(id -> pool().submit(() -> refresher.poll(id))).toList();
            for (var f : futures) {
                try {
                    f.get(config.lease().toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // the refresher records its own failures; a poll past its lease is taken again later
                }
            }
        } while (due.size() == config.claimBatch());
    }

    @SuppressWarnings("unchecked")
    private List<String> claim() {
        return em.createNativeQuery("""
                UPDATE feed SET lease_until = now() + make_interval(secs => ?1)
                WHERE id IN (SELECT id FROM feed
                             WHERE next_fetch_at <= now() AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY next_fetch_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING id""").setParameter(1, (double) config.lease().toSeconds())
                .setParameter(2, config.claimBatch()).getResultList();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
