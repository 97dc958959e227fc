package dev.storyline.ingest.intake;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storyline.ingest.fetching.FetchConfig;
import dev.storyline.ingest.fetching.PageFetcher;
import dev.storyline.ingest.lifecycle.Lifecycle;
import dev.storyline.ingest.publish.RawArticlePublisher;
import dev.storyline.ingest.store.IngestRecord;
import dev.storyline.pull.fetch.FetchRefused;

/**
 * Fetches the page of an article posted with only a URL: the record waits FETCHING, then holds the page and goes
 * on as RECEIVED, or ends REJECTED by stage {@code fetch} with the reason (HTTP status, timeout, too large, not
 * HTML, robots.txt, refused address). A fetch cut short by a restart is taken up again by {@link #resume}.
 */
@ApplicationScoped
public class UrlFetches {

    private static final Logger LOG = Logger.getLogger(UrlFetches.class);

    @Inject
    PageFetcher pages;

    @Inject
    Lifecycle lifecycle;

    @Inject
    RawArticlePublisher publisher;

    @Inject
    EntityManager em;

    @Inject
    FetchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    jakarta.enterprise.inject.Instance<IntakeService> intake;

    private ExecutorService pool;

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "storyline-url-fetch");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    public void start(String id, String url) {
        pool().submit(() -> fetch(id, url));
    }

    void fetch(String id, String url) {
        try {
            PageFetcher.Page page = pages.fetch(URI.create(url));
            String html = intake.get().rules().fetchedContent(page.html());
            IngestRecord stored = QuarkusTransaction.requiringNew().call(() -> filled(id, html));
            if (stored != null) {
                registry.counter("storyline.ingest.url.fetches", "outcome", "fetched").increment();
                publisher.publish(stored);
            }
        } catch (FetchRefused e) {
            rejected(id, e.toString());
        } catch (RejectedSubmission | IllegalArgumentException e) {
            rejected(id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "fetching %s for article %s failed", url, id);
            rejected(id, "INTERNAL: " + e);
        }
    }

    private void rejected(String id, String reason) {
        registry.counter("storyline.ingest.url.fetches", "outcome", "rejected").increment();
        QuarkusTransaction.requiringNew().run(() -> lifecycle.rejected(id, "fetch", reason));
    }

    private IngestRecord filled(String id, String html) {
        IngestRecord r = IngestRecord.findById(id);
        if (r == null || r.status != IngestRecord.Status.FETCHING) {
            return null;
        }
        r.content = html;
        r.html = true;
        r.contentHash = Hashes.sha256(html);
        r.status = IngestRecord.Status.RECEIVED;
        r.updatedAt = java.time.Instant.now();
        r.persist();
        em.flush();
        em.detach(r);
        return r;
    }

    /** Fetches that no replica finished within twice the fetch timeout are started again (rows taken, not shared). */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resume() {
        List<Object[]> stale = QuarkusTransaction.requiringNew().call(this::claimStale);
        for (Object[] row : stale) {
            start((String) row[0], (String) row[1]);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> claimStale() {
        return em.createNativeQuery("""
                UPDATE ingest_record SET updated_at = now()
                WHERE id IN (SELECT id FROM ingest_record WHERE status = 'FETCHING'
                             AND updated_at < now() - make_interval(secs => ?1) LIMIT 100 FOR UPDATE SKIP LOCKED)
                RETURNING id, url""").setParameter(1, (double) config.timeout().toSeconds() * 2).getResultList();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
