package dev.storyline.cluster.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.StoryClusterer;
import dev.storyline.cluster.core.Clusterers;
import dev.storyline.cluster.core.Settings;
import dev.storyline.cluster.settings.ClusterConfig;
import dev.storyline.cluster.store.ArticleFacts;
import dev.storyline.cluster.store.Membership;
import dev.storyline.cluster.store.Story;
import dev.storyline.cluster.store.StoryEventRecord;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.MessageCodec;
import dev.storyline.contracts.StoryEvent;

/**
 * The single writer of story assignments. It owns the in-memory working index, rebuilt from PostgreSQL at start-up
 * ({@link IndexWarmUp}) and whenever it misses decisions, by replaying the stored decisions in order, so a restart
 * changes no assignment. Each decision, its
 * membership row and its events are committed in one transaction.
 */
@ApplicationScoped
public class ClusteringService {

    private static final Logger LOG = Logger.getLogger(ClusteringService.class);
    /** The PostgreSQL advisory lock that makes one replica at a time the writer of decisions. */
    private static final long WRITER_LOCK = 0x5354_4f52_594cL;
    private static final int REBUILD_PAGE = 1000;

    private final Settings settings;
    private StoryClusterer clusterer;
    /** The writer_state version the in-memory index reflects. */
    private long appliedVersion = -1;
    private volatile boolean indexBuilt;

    /** Settings from cluster/clustering.properties, each overridable as storyline.cluster.&lt;key&gt; (ClusterConfig). */
    public ClusteringService(ClusterConfig config) {
        this.settings = Settings.load(config.overrides());
    }

    /** What a batch came to: the events still to publish, and the articles that could not be assigned, by id. */
    public record Outcome(List<StoryEventRecord> events, Map<String, RuntimeException> failed) {
    }

    /**
     * Assigns the articles in the order given, in one transaction. When that transaction fails, each article is
     * tried again in a transaction of its own, so that one bad article fails alone.
     */
    public synchronized Outcome assignAll(List<CleanArticle> articles) {
        if (articles.isEmpty()) {
            return new Outcome(List.of(), Map.of());
        }
        try {
            return new Outcome(decide(articles), Map.of());
        } catch (RuntimeException batchFailure) {
            if (articles.size() == 1) {
                return new Outcome(List.of(), Map.of(articles.get(0).id(), batchFailure));
            }
            LOG.warnf("a batch of %d articles failed (%s); assigning them one at a time", articles.size(),
                    batchFailure.toString());
            List<StoryEventRecord> events = new ArrayList<>();
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            for (CleanArticle article : articles) {
                try {
                    events.addAll(decide(List.of(article)));
                } catch (RuntimeException e) {
                    failed.put(article.id(), e);
                }
            }
            return new Outcome(events, failed);
        }
    }

    /** Assigns one article; see {@link #assignAll}. */
    public List<StoryEventRecord> assign(CleanArticle article) {
        Outcome outcome = assignAll(List.of(article));
        if (!outcome.failed().isEmpty()) {
            throw outcome.failed().values().iterator().next();
        }
        return outcome.events();
    }

    /**
     * One transaction: each article is assigned unless it was assigned before (a redelivery); answers the events
     * of its decisions that Kafka has not yet confirmed.
     */
    private List<StoryEventRecord> decide(List<CleanArticle> articles) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                long arrival = takeWriterLock();
                long first = arrival;
                List<StoryEventRecord> events = new ArrayList<>();
                Set<String> assignedBefore = assignedAmong(articles);
                for (CleanArticle article : articles) {
                    if (!assignedBefore.add(article.id())) {
                        // A redelivery: announce the decision again (consumers de-duplicate on the event id), so
                        // that a verdict lost on its way to a reader is not lost for good.
                        events.addAll(StoryEventRecord.<StoryEventRecord>list("articleId = ?1 order by createdAt",
                                article.id()));
                        continue;
                    }
                    appliedVersion = arrival + 1;
                    events.addAll(persist(article, clusterer.assign(input(article, arrival++))));
                }
                if (arrival != first) {
                    Membership.getEntityManager().createNativeQuery("UPDATE writer_state SET version = ?1 WHERE id = 1")
                            .setParameter(1, arrival).executeUpdate();
                }
                return events;
            });
        } catch (RuntimeException e) {
            // The index may hold decisions the database does not: start again from the database.
            clusterer = null;
            throw e;
        }
    }

    /** The ids among these articles that already have a decision (redeliveries), in one query. */
    private static Set<String> assignedAmong(List<CleanArticle> articles) {
        List<String> ids = articles.stream().map(CleanArticle::id).toList();
        return new HashSet<>(Membership.getEntityManager()
                .createQuery("select m.articleId from Membership m where m.articleId in ?1", String.class)
                .setParameter(1, ids).getResultList());
    }

    /**
     * One writer at a time across replicas; a replica whose index misses decisions another replica committed (a
     * take-over after a rebalance) rebuilds it first, so decisions never conflict. Answers the writer version, which
     * is the arrival number of the next decision.
     */
    private long takeWriterLock() {
        Membership.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")")
                .getSingleResult();
        long version = writerVersion();
        if (clusterer == null || appliedVersion != version) {
            rebuild();
            appliedVersion = version;
            indexBuilt = true;
        }
        return version;
    }

    private List<StoryEventRecord> persist(CleanArticle article, Decision d) {
        Instant now = Instant.now();
        // A new story is in no table yet: no need to look for it.
        Story story = d.newStory() ? null : Story.findById(d.storyId());
        if (story == null) {
            story = new Story();
            story.id = d.storyId();
            story.title = article.title();
            story.firstSeen = now;
        }
        story.size++;
        story.lastUpdated = now;
        story.persist();
        List<StoryEventRecord> events = new ArrayList<>();
        for (String foldedId : d.merged()) {
            Story folded = Story.findById(foldedId);
            if (folded == null || folded.mergedInto != null) {
                continue;
            }
            Membership.update("storyId = ?1 where storyId = ?2", story.id, foldedId);
            folded.mergedInto = story.id;
            folded.lastUpdated = now;
            story.size += folded.size;
            events.add(event(new StoryEvent(StoryEvent.SCHEMA_VERSION, "STORIES_MERGED:" + foldedId + ":" + story.id,
                    StoryEvent.Type.STORIES_MERGED, story.id, null, null, List.of(foldedId), story.title, story.size, now),
                    article.id(), now));
        }

        Membership m = new Membership();
        m.articleId = article.id();
        m.storyId = d.storyId();
        m.joinedStoryId = d.storyId();
        m.foldedStoryIds = d.merged().isEmpty() ? null : String.join(" ", d.merged());
        m.externalId = article.externalId();
        m.title = article.title();
        m.url = article.canonicalUrl() != null ? article.canonicalUrl() : article.url();
        m.published = article.published();
        m.nearDuplicateOf = d.nearDuplicateOf();
        m.body = article.text();
        ArticleFacts.describe(m, article);
        m.assignedAt = now;
        m.persist();
        for (String copy : d.nowCopiesOfThis()) {
            // Arrived earlier but published later: a copy of this article from now on.
            Membership.update("nearDuplicateOf = ?1 where articleId = ?2", article.id(), copy);
        }

        StoryEvent.Type type = d.newStory() ? StoryEvent.Type.STORY_CREATED : StoryEvent.Type.ARTICLE_ADDED;
        events.add(event(new StoryEvent(StoryEvent.SCHEMA_VERSION, type.name() + ":" + article.id(), type, story.id,
                article.id(), d.nearDuplicateOf(), null, story.title, story.size, now), article.id(), now));
        return events;
    }

    private static StoryEventRecord event(StoryEvent event, String articleId, Instant now) {
        StoryEventRecord record = new StoryEventRecord();
        record.eventId = event.eventId();
        record.articleId = articleId;
        record.storyId = event.storyId();
        record.payload = MessageCodec.STORY_EVENT.encode(event);
        record.createdAt = now;
        record.persist();
        return record;
    }

    /**
     * Builds the working index from the stored decisions, outside the writer lock so that a starting standby does not
     * hold up the active writer. The version is read before the replay, so the index holds at least the decisions it
     * claims; any taken meanwhile make the first decision rebuild again.
     */
    public synchronized void buildIndex() {
        QuarkusTransaction.requiringNew().run(() -> {
            long version = writerVersion();
            rebuild();
            appliedVersion = version;
        });
        indexBuilt = true;
    }

    /** How many decisions the database holds: the arrival number of the next one. */
    private static long writerVersion() {
        return ((Number) Membership.getEntityManager().createNativeQuery("SELECT version FROM writer_state WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** Whether the working index has been built since start-up. */
    public boolean indexBuilt() {
        return indexBuilt;
    }

    private void rebuild() {
        long started = System.nanoTime();
        clusterer = replayStoredDecisions();
        LOG.infof("working index rebuilt from the database: %d articles in %d ms", clusterer.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A fresh index with every stored decision replayed in its order: each article into the story it joined then,
     * after the merges its decision made. So it is the index the service had, and makes the same next decisions.
     * Runs inside the caller's transaction.
     */
    public StoryClusterer replayStoredDecisions() {
        StoryClusterer fresh = Clusterers.standard(settings);
        long arrival = 0;
        int page = 0;
        List<Membership> batch;
        do {
            batch = Membership.<Membership>find("order by seq").page(page++, REBUILD_PAGE).list();
            for (Membership m : batch) {
                fresh.restore(new ClusterInput(m.articleId, m.title, m.body, day(m.published), arrival++),
                        m.joinedStoryId != null ? m.joinedStoryId : m.storyId,
                        m.foldedStoryIds == null ? List.of() : List.of(m.foldedStoryIds.split(" ")));
            }
            Membership.getEntityManager().clear();
        } while (batch.size() == REBUILD_PAGE);
        return fresh;
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
