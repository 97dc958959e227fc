package dev.storyline.cluster.stories;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.storyline.cluster.store.Membership;
import dev.storyline.cluster.store.Story;
import dev.storyline.cluster.stories.StoryViews.ArticleDetail;
import dev.storyline.cluster.stories.StoryViews.Merge;
import dev.storyline.cluster.stories.StoryViews.StoryArticle;
import dev.storyline.cluster.stories.StoryViews.StoryDetail;
import dev.storyline.cluster.stories.StoryViews.StoryPage;
import dev.storyline.cluster.stories.StoryViews.StorySummary;
import dev.storyline.cluster.stories.StoryViews.TimelineEntry;

/** Reads stories for the API and the browser: filtered keyset pages, a story in full, an article in full. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoryReader {

    private static final String SEARCH_VECTOR = "to_tsvector('simple', coalesce(m.title, '') || ' ' || coalesce(m.lead, ''))";

    private final EntityManager em;

    StoryReader(EntityManager em) {
        this.em = em;
    }

    /**
     * Stories, newest update first. Give {@code cursor} (a previous page's {@code next}) or {@code offset}; with
     * both, the offset counts from the cursor.
     */
    public StoryPage page(StoryFilter filter, StoryCursor cursor, int offset, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT s.id, s.title, s.size, s.first_seen, s.last_updated FROM story s WHERE s.merged_into IS NULL");
        Map<String, Object> params = new HashMap<>();
        where(filter, cursor, sql, params);
        sql.append(" ORDER BY s.last_updated DESC, s.id DESC");
        Query query = em.createNativeQuery(sql.toString()).setFirstResult(offset).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        Map<String, Facets> facets = facets(shown.stream().map(r -> (String) r[0]).toList());
        List<StorySummary> stories = shown.stream().map(r -> {
            Facets f = facets.getOrDefault((String) r[0], Facets.NONE);
            return new StorySummary((String) r[0], (String) r[1], ((Number) r[2]).intValue(), f.sources(),
                    f.languages(), instant(r[3]), instant(r[4]));
        }).toList();
        String next = more ? new StoryCursor(stories.get(limit - 1).lastUpdated(), stories.get(limit - 1).id()).encode()
                : null;
        return new StoryPage(stories, next);
    }

    private static void where(StoryFilter f, StoryCursor cursor, StringBuilder sql, Map<String, Object> params) {
        if (f.from() != null) {
            sql.append(" AND s.last_updated >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND s.first_seen < :to");
            params.put("to", f.to());
        }
        if (f.source() != null) {
            withArticle(sql, "m.source = :source");
            params.put("source", f.source());
        }
        if (f.language() != null) {
            withArticle(sql, "m.language = :language");
            params.put("language", f.language());
        }
        if (f.q() != null) {
            withArticle(sql, SEARCH_VECTOR + " @@ websearch_to_tsquery('simple', :q)");
            params.put("q", f.q());
        }
        if (cursor != null) {
            sql.append(" AND (s.last_updated, s.id) < (:cursorTime, :cursorId)");
            params.put("cursorTime", cursor.lastUpdated());
            params.put("cursorId", cursor.id());
        }
    }

    /** Only stories with an article that meets the condition (on {@code membership m}). */
    private static void withArticle(StringBuilder sql, String condition) {
        sql.append(" AND EXISTS (SELECT 1 FROM membership m WHERE m.story_id = s.id AND ").append(condition).append(')');
    }

    private record Facets(int sources, List<String> languages) {
        static final Facets NONE = new Facets(0, List.of());
    }

    /** Distinct outlets and languages of each story, in one query for the page. */
    private Map<String, Facets> facets(List<String> storyIds) {
        if (storyIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT story_id, count(DISTINCT source), "
                + "string_agg(DISTINCT language, ' ' ORDER BY language) FROM membership WHERE story_id IN (:ids) "
                + "GROUP BY story_id").setParameter("ids", storyIds).getResultList();
        Map<String, Facets> facets = new HashMap<>();
        for (Object[] r : rows) {
            facets.put((String) r[0], new Facets(((Number) r[1]).intValue(),
                    r[2] == null ? List.of() : Arrays.asList(((String) r[2]).split(" "))));
        }
        return facets;
    }

    public Optional<StoryDetail> story(String id) {
        Story s = Story.findById(id);
        if (s == null) {
            return Optional.empty();
        }
        List<Membership> members = Membership.<Membership>find("storyId = ?1 order by seq", id).list();
        List<StoryArticle> articles = members.stream()
                .sorted(Comparator.comparing((Membership m) -> m.publishedAt != null ? m.publishedAt : m.assignedAt)
                        .thenComparing(m -> m.seq))
                .map(StoryReader::article).toList();
        List<Merge> merges = merges(id);
        Facets f = facets(List.of(id)).getOrDefault(id, Facets.NONE);
        return Optional.of(new StoryDetail(s.id, s.title, s.size, f.sources(), f.languages(), s.firstSeen,
                s.lastUpdated, articles, timeline(s, members, merges), merges));
    }

    private static StoryArticle article(Membership m) {
        return new StoryArticle(m.articleId, m.externalId, m.title, m.url, m.source, m.language, m.lead, m.published,
                m.nearDuplicateOf, m.assignedAt);
    }

    /** Merges into this story and, recursively, into the stories folded into it. */
    private List<Merge> merges(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH RECURSIVE folded(id) AS (SELECT CAST(:id AS VARCHAR) "
                + "UNION SELECT s.id FROM story s JOIN folded f ON s.merged_into = f.id) "
                + "SELECT e.event_id, e.article_id, e.created_at, m.title FROM story_event e "
                + "LEFT JOIN story m ON m.id = split_part(e.event_id, ':', 2) "
                + "WHERE e.story_id IN (SELECT id FROM folded) AND e.event_id LIKE 'STORIES_MERGED:%' "
                + "ORDER BY e.created_at, e.event_id").setParameter("id", id).getResultList();
        return rows.stream().map(r -> new Merge(((String) r[0]).split(":")[1], (String) r[3], (String) r[1],
                instant(r[2]))).toList();
    }

    private static List<TimelineEntry> timeline(Story s, List<Membership> members, List<Merge> merges) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(s.firstSeen, TimelineEntry.Kind.CREATED,
                members.isEmpty() ? null : members.get(0).articleId, null, null));
        for (Membership m : members) {
            if (m.publishedAt != null) {
                entries.add(new TimelineEntry(m.publishedAt, TimelineEntry.Kind.ARTICLE_PUBLISHED, m.articleId, null, null));
            }
        }
        for (Merge merge : merges) {
            entries.add(new TimelineEntry(merge.at(), TimelineEntry.Kind.STORY_MERGED, merge.byArticleId(),
                    merge.mergedStoryId(), merge.mergedTitle()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    public Optional<ArticleDetail> article(String id) {
        Membership m = Membership.findById(id);
        if (m == null) {
            return Optional.empty();
        }
        Story s = Story.findById(m.storyId);
        return Optional.of(new ArticleDetail(m.articleId, m.externalId, m.storyId, s == null ? null : s.title,
                m.title, m.url, m.source, m.language, m.published, lines(m.bylines, "\n"), m.nearDuplicateOf,
                m.assignedAt, lines(m.body, "\n\n"), lines(m.dropped, "\n")));
    }

    private static List<String> lines(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(separator));
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
