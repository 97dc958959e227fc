package dev.storyline.clean.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.contracts.CleanArticle;

/** The cleaned articles of a poll, read and written a poll at a time. */
@ApplicationScoped
public class CleanedArticles {

    private static final Logger LOG = Logger.getLogger(CleanedArticles.class);

    /** The articles already cleaned among these ids (redeliveries), by id. */
    public Map<String, CleanArticle> find(Collection<String> ids) {
        Map<String, CleanArticle> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> CleanedArticle.<CleanedArticle>list("id in ?1", ids)
                    .forEach(a -> found.put(a.id, a.toMessage())));
        }
        return found;
    }

    /**
     * Stores the articles in one transaction. When that fails (another replica stored one of them first, during a
     * rebalance), each is stored on its own, and an article stored already is answered as stored: the first
     * cleaning wins, so every reader sees one version. Answers the articles as they now are in the database.
     */
    public List<CleanArticle> saveAll(List<CleanArticle> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> articles.forEach(a -> CleanedArticle.from(a).persist()));
            return articles;
        } catch (RuntimeException batchFailure) {
            LOG.warnf("storing %d cleaned articles at once failed (%s); storing them one at a time", articles.size(),
                    batchFailure.toString());
            return articles.stream().map(this::saveOrKeepStored).toList();
        }
    }

    private CleanArticle saveOrKeepStored(CleanArticle article) {
        try {
            QuarkusTransaction.requiringNew().run(() -> CleanedArticle.from(article).persist());
            return article;
        } catch (RuntimeException e) {
            CleanedArticle stored = QuarkusTransaction.requiringNew().call(() -> CleanedArticle.findById(article.id()));
            if (stored == null) {
                throw e;
            }
            return stored.toMessage();
        }
    }
}
