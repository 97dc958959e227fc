package dev.storyline.ingest.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Records what the later stages decided about each article. Every update is idempotent and safe in any order:
 * CLUSTERED always wins (an article in a story is in a story), REJECTED never overrides it, CLEANED only moves an
 * article forward (or revives one rejected before that verdict was made, after a re-drive), and a story id is
 * always resolved through the merges seen so far. Callers run each call in a transaction.
 */
@ApplicationScoped
public class Lifecycle {

    /** Longest reason kept; a dead letter's reason may hold a whole stack trace. */
    static final int MAX_REASON = 2000;

    @Inject
    EntityManager em;

    public boolean cleaned(String articleId, Instant at) {
        return em.createNativeQuery("""
                UPDATE ingest_record SET status = 'CLEANED', stage = NULL, reason = NULL, updated_at = now()
                WHERE id = ?1 AND (status IN ('RECEIVED', 'PUBLISHED') OR (status = 'REJECTED' AND updated_at < ?2))""")
                .setParameter(1, articleId).setParameter(2, at).executeUpdate() > 0;
    }

    public boolean clustered(String articleId, String storyId) {
        return em.createNativeQuery("""
                UPDATE ingest_record SET status = 'CLUSTERED', story_id = ?2, stage = NULL, reason = NULL,
                    updated_at = now()
                WHERE id = ?1 AND (status <> 'CLUSTERED' OR story_id IS DISTINCT FROM ?2)""")
                .setParameter(1, articleId).setParameter(2, resolve(storyId)).executeUpdate() > 0;
    }

    public boolean rejected(String articleId, String stage, String reason) {
        String kept = reason == null ? "no reason given" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        return em.createNativeQuery("""
                UPDATE ingest_record SET status = 'REJECTED', stage = ?2, reason = ?3, updated_at = now()
                WHERE id = ?1 AND status <> 'CLUSTERED'""")
                .setParameter(1, articleId).setParameter(2, stage).setParameter(3, kept).executeUpdate() > 0;
    }

    /** Stories {@code folded} now belong to {@code surviving}: so do their articles, and any story folded into them. */
    public void merged(List<String> folded, String surviving) {
        String target = resolve(surviving);
        for (String f : folded) {
            if (f.equals(target)) {
                continue;
            }
            em.createNativeQuery("""
                    INSERT INTO story_alias (folded_id, story_id) VALUES (?1, ?2)
                    ON CONFLICT (folded_id) DO UPDATE SET story_id = EXCLUDED.story_id""")
                    .setParameter(1, f).setParameter(2, target).executeUpdate();
            em.createNativeQuery("UPDATE story_alias SET story_id = ?2 WHERE story_id = ?1")
                    .setParameter(1, f).setParameter(2, target).executeUpdate();
            em.createNativeQuery("UPDATE ingest_record SET story_id = ?2, updated_at = now() WHERE story_id = ?1")
                    .setParameter(1, f).setParameter(2, target).executeUpdate();
        }
    }

    /** The story a story id stands for now (itself, unless it was folded into another). */
    String resolve(String storyId) {
        List<?> found = em.createNativeQuery("SELECT story_id FROM story_alias WHERE folded_id = ?1")
                .setParameter(1, storyId).getResultList();
        return found.isEmpty() ? storyId : (String) found.get(0);
    }
}
