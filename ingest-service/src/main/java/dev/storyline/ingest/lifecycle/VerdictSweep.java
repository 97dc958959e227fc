package dev.storyline.ingest.lifecycle;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storyline.ingest.publish.RawArticlePublisher;
import dev.storyline.ingest.store.IngestRecord;

/**
 * The safety net under the verdicts: an article handed to the pipeline that no stage has judged within
 * {@code verdict-timeout} is handed to it again (every stage is idempotent on the id, and a stage that judged it
 * before announces its verdict again); after {@code max-deliveries} it is REJECTED by stage {@code pipeline}, so
 * that it shows. A verdict that arrives later still wins. Replicas share the work: each takes rows no other holds.
 */
@ApplicationScoped
public class VerdictSweep {

    private static final Logger LOG = Logger.getLogger(VerdictSweep.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Lifecycle lifecycle;

    @Inject
    RawArticlePublisher publisher;

    @Inject
    LifecycleConfig config;

    @Scheduled(every = "${storyline.ingest.verdict.sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<IngestRecord> due;
        do {
            due = QuarkusTransaction.requiringNew().call(this::takeDue);
            for (IngestRecord r : due) {
                if (r.deliveries > config.maxDeliveries()) {
                    String reason = "no verdict from the pipeline after " + config.maxDeliveries() + " deliveries, "
                            + config.timeout().toSeconds() + " s apart (last status " + r.status + ")";
                    QuarkusTransaction.requiringNew().run(() -> lifecycle.rejected(r.id, "pipeline", reason));
                    LOG.warnf("article %s: %s", r.id, reason);
                } else {
                    publisher.publish(r);
                }
            }
            if (!due.isEmpty()) {
                LOG.infof("re-drove %d articles that had no verdict after %s", due.size(), config.timeout());
            }
        } while (due.size() == BATCH);
    }

    /** Claims due rows (skipping rows another replica holds) and counts one more delivery for each. */
    @SuppressWarnings("unchecked")
    private List<IngestRecord> takeDue() {
        List<IngestRecord> due = em.createNativeQuery("""
                UPDATE ingest_record SET deliveries = deliveries + 1, updated_at = now()
                WHERE id IN (SELECT id FROM ingest_record
                             WHERE status IN ('PUBLISHED', 'CLEANED') AND updated_at < now() - make_interval(secs => ?1)
                             ORDER BY updated_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING *""", IngestRecord.class)
                .setParameter(1, (double) config.timeout().toMillis() / 1000).setParameter(2, BATCH).getResultList();
        due.forEach(em::detach);
        return due;
    }
}
