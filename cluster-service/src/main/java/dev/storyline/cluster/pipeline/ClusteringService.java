package dev.storyline.cluster.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.StoryClusterer;
import dev.storyline.cluster.core.TfIdfClusterer;
import dev.storyline.cluster.store.Membership;
import dev.storyline.cluster.store.Story;
import dev.storyline.cluster.store.StoryEventRecord;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;

/**
 * The single writer of story assignments. It owns the in-memory working index, rebuilt from PostgreSQL on first
 * use by replaying the stored decisions in order, so a restart changes no assignment. Each decision, its
 * membership row and its events are committed in one transaction.
 */
@ApplicationScoped
public class ClusteringService {

    private static final Logger LOG = Logger.getLogger(ClusteringService.class);

    private final TfIdfClusterer.Settings settings;
    private StoryClusterer clusterer;

    public ClusteringService(
            @ConfigProperty(name = "storyline.cluster.join-threshold") double joinThreshold,
            @ConfigProperty(name = "storyline.cluster.duplicate-containment") double duplicateContainment,
            @ConfigProperty(name = "storyline.cluster.window-days") int windowDays,
            @ConfigProperty(name = "storyline.cluster.title-weight") int titleWeight,
            @ConfigProperty(name = "storyline.cluster.query-terms") int queryTerms) {
        this.settings = new TfIdfClusterer.Settings(joinThreshold, duplicateContainment, windowDays, titleWeight,
                queryTerms);
    }

    /**
     * Assigns the article unless it was assigned before (a redelivery), and returns the events of its decision
     * that Kafka has not yet confirmed.
     */
    public synchronized List<StoryEventRecord> assign(CleanArticle article) {
        ensureLoaded();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Membership.findById(article.id()) != null) {
                    return StoryEventRecord.<StoryEventRecord>list("articleId = ?1 and publishedAt is null", article.id());
                }
                long arrival = Membership.count();
                Decision d = clusterer.assign(input(article, arrival));
                return persist(article, d);
            });
        } catch (RuntimeException e) {
            // The index may hold a decision the database does not: start again from the database.
            LOG.warnf("assignment of %s failed (%s); rebuilding the working index", article.id(), e.toString());
            clusterer = null;
            throw e;
        }
    }

    private List<StoryEventRecord> persist(CleanArticle article, Decision d) {
        Instant now = Instant.now();
        Story story = Story.findById(d.storyId());
        if (story == null) {
            story = new Story();
            story.id = d.storyId();
            story.title = article.title();
            story.firstSeen = now;
        }
        story.size++;
        story.lastUpdated = now;
        story.persist();

        Membership m = new Membership();
        m.articleId = article.id();
        m.storyId = d.storyId();
        m.externalId = article.externalId();
        m.title = article.title();
        m.url = article.canonicalUrl() != null ? article.canonicalUrl() : article.url();
        m.published = article.published();
        m.nearDuplicateOf = d.nearDuplicateOf();
        m.body = article.text();
        m.assignedAt = now;
        m.persist();

        StoryEvent.Type type = d.newStory() ? StoryEvent.Type.STORY_CREATED : StoryEvent.Type.ARTICLE_ADDED;
        StoryEvent event = new StoryEvent(StoryEvent.SCHEMA_VERSION, type.name() + ":" + article.id(), type,
                story.id, article.id(), d.nearDuplicateOf(), null, story.title, story.size, now);
        StoryEventRecord record = new StoryEventRecord();
        record.eventId = event.eventId();
        record.articleId = article.id();
        record.storyId = story.id;
        record.payload = MessageCodec.STORY_EVENT.encode(event);
        record.createdAt = now;
        record.persist();
        List<StoryEventRecord> events = new ArrayList<>();
        events.add(record);
        return events;
    }

    private void ensureLoaded() {
        if (clusterer != null) {
            return;
        }
        StoryClusterer fresh = new TfIdfClusterer(settings);
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            long arrival = 0;
            int page = 0;
            List<Membership> batch;
            do {
                batch = Membership.<Membership>find("order by seq").page(page++, 1000).list();
                for (Membership m : batch) {
                    fresh.restore(new ClusterInput(m.articleId, m.title, m.body, day(m.published), arrival++),
                            m.storyId, m.nearDuplicateOf);
                }
                Membership.getEntityManager().clear();
            } while (batch.size() == 1000);
        });
        clusterer = fresh;
        LOG.infof("working index rebuilt from the database: %d articles in %d ms", fresh.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static ClusterInput input(CleanArticle a, long arrival) {
        return new ClusterInput(a.id(), a.title(), a.text(), day(a.published()), arrival);
    }

    /** The publication day of an ISO-8601 date or date-time (in its own offset); null when absent or unreadable. */
    static LocalDate day(String published) {
        if (published == null || published.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(published.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
