package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A first, honest story clusterer: TF-IDF with online document frequencies, cosine against story centroids found
 * through an inverted index of each story's terms, and a publication-time window. Near-duplicates are members of
 * the chosen story whose 5-word shingles largely contain the article's.
 */
public final class TfIdfClusterer implements StoryClusterer {

    public record Settings(double joinThreshold, double duplicateContainment, int windowDays, int titleWeight,
            int queryTerms) {
        public static Settings defaults() {
            return new Settings(0.22, 0.6, 14, 2, 12);
        }
    }

    private static final class Story {
        final String id;
        final Map<String, Double> centroid = new HashMap<>();
        final List<Member> members = new ArrayList<>();
        LocalDate latest;

        Story(String id) {
            this.id = id;
        }
    }

    private record Member(String id, LocalDate published, long arrival, Set<Long> shingles) {
    }

    private final Settings settings;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, Set<Story>> postings = new HashMap<>();
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private int documents;
    private int articles;

    public TfIdfClusterer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Decision assign(ClusterInput article) {
        Map<String, Integer> tf = termFrequencies(article);
        learn(tf.keySet());
        Map<String, Double> vector = weigh(tf);
        Story best = null;
        double bestScore = 0;
        for (Story candidate : candidates(vector)) {
            if (!withinWindow(candidate, article.published())) {
                continue;
            }
            double score = cosine(vector, candidate.centroid);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        Set<Long> shingles = shingles(article.text());
        boolean newStory = best == null || bestScore < settings.joinThreshold();
        if (newStory) {
            best = new Story("s-" + article.id());
            stories.put(best.id, best);
        }
        String copyOf = newStory ? null : earliestCopy(best, shingles);
        add(best, article, vector, shingles);
        return new Decision(best.id, newStory, copyOf, newStory ? 0 : bestScore);
    }

    @Override
    public void restore(ClusterInput article, String storyId, String nearDuplicateOf) {
        Map<String, Integer> tf = termFrequencies(article);
        learn(tf.keySet());
        Story story = stories.computeIfAbsent(storyId, Story::new);
        add(story, article, weigh(tf), shingles(article.text()));
    }

    @Override
    public int size() {
        return articles;
    }

    @Override
    public String storyOf(String articleId) {
        return storyOfArticle.get(articleId);
    }

    private void learn(Set<String> terms) {
        documents++;
        for (String t : terms) {
            documentFrequency.merge(t, 1, Integer::sum);
        }
    }

    private void add(Story story, ClusterInput article, Map<String, Double> vector, Set<Long> shingles) {
        vector.forEach((term, weight) -> {
            story.centroid.merge(term, weight, Double::sum);
            postings.computeIfAbsent(term, k -> new HashSet<>()).add(story);
        });
        story.members.add(new Member(article.id(), article.published(), article.arrival(), shingles));
        storyOfArticle.put(article.id(), story.id);
        if (article.published() != null && (story.latest == null || article.published().isAfter(story.latest))) {
            story.latest = article.published();
        }
        articles++;
    }

    private Map<String, Integer> termFrequencies(ClusterInput article) {
        Map<String, Integer> tf = new HashMap<>();
        for (String w : Text.words(article.title())) {
            if (Text.isTerm(w)) {
                tf.merge(w, settings.titleWeight(), Integer::sum);
            }
        }
        for (String w : Text.words(article.text())) {
            if (Text.isTerm(w)) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        return tf;
    }

    private Map<String, Double> weigh(Map<String, Integer> tf) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double idf = Math.log((1.0 + documents) / (1.0 + documentFrequency.getOrDefault(e.getKey(), 0))) + 1;
            double w = (1 + Math.log(e.getValue())) * idf;
            v.put(e.getKey(), w);
            norm += w * w;
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            v.replaceAll((k, w) -> w / n);
        }
        return v;
    }

    /** Stories sharing one of the article's heaviest terms. */
    private Set<Story> candidates(Map<String, Double> vector) {
        Set<Story> out = new HashSet<>();
        vector.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(settings.queryTerms())
                .forEach(e -> out.addAll(postings.getOrDefault(e.getKey(), Set.of())));
        return out;
    }

    private boolean withinWindow(Story story, LocalDate published) {
        return published == null || story.latest == null
                || Math.abs(ChronoUnit.DAYS.between(story.latest, published)) <= settings.windowDays();
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> centroid) {
        double dot = 0;
        double norm = 0;
        for (double w : centroid.values()) {
            norm += w * w;
        }
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = centroid.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    private String earliestCopy(Story story, Set<Long> shingles) {
        if (shingles.isEmpty()) {
            return null;
        }
        return story.members.stream()
                .filter(m -> containment(shingles, m.shingles()) >= settings.duplicateContainment())
                .min(Comparator.comparing((Member m) -> m.published() == null ? LocalDate.MAX : m.published())
                        .thenComparingLong(Member::arrival))
                .map(Member::id)
                .orElse(null);
    }

    private static double containment(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int shared = 0;
        for (Long s : small) {
            if (large.contains(s)) {
                shared++;
            }
        }
        return (double) shared / small.size();
    }

    static Set<Long> shingles(String text) {
        List<String> words = Text.words(text);
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + 5 <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + 5; j++) {
                h = 31 * h + words.get(j).hashCode();
            }
            out.add(h);
        }
        return out;
    }
}
