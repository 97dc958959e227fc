package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming story clustering. Each article becomes a TF-IDF vector (online document frequencies) over words and
 * spelling-tolerant name keys, weighted by title and lead ({@link Features}). Candidate stories come from an
 * inverted index over the article's heaviest terms, so the cost of an article does not grow with the number of
 * stories. Similarity is the cosine against a story's centroid, discounted by the distance in publication time.
 * An article joins the best story above the join threshold or starts a new one; when it matches a second story
 * above the merge threshold as well, the two stories are one and are merged. Copies are found by {@link MinHashLsh}.
 * Single writer: callers serialise calls.
 */
public final class StoryIndex implements StoryClusterer {

    private static final class Story {
        final String id;
        SparseVector centroid = SparseVector.EMPTY;
        double norm;
        LocalDate first;
        LocalDate last;
        int size;
        String mergedInto;

        Story(String id) {
            this.id = id;
        }
    }

    private final Settings settings;
    /** Term ids, and document frequencies by id. */
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int[] documentFrequency = new int[1024];
    private final Map<Integer, Set<Story>> postings = new HashMap<>();
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private final MinHashLsh copies;
    private int documents;

    public StoryIndex(Settings settings) {
        this.settings = settings;
        this.copies = new MinHashLsh(settings.duplicateJaccard(), settings.minhashPermutations(), settings.shingleWords());
    }

    @Override
    public Decision assign(ClusterInput article) {
        SparseVector vector = vectorOf(article);
        int[] query = vector.topIds(settings.queryTerms());
        Story best = null;
        double bestScore = 0;
        Story second = null;
        double secondScore = 0;
        for (Story candidate : candidates(vector, query)) {
            double score = similarity(vector, candidate, article.published());
            if (score > bestScore) {
                second = best;
                secondScore = bestScore;
                best = candidate;
                bestScore = score;
            } else if (score > secondScore) {
                second = candidate;
                secondScore = score;
            }
        }
        boolean newStory = best == null || bestScore < settings.joinThreshold();
        List<String> merged = new ArrayList<>();
        if (newStory) {
            best = new Story("s-" + article.id());
            stories.put(best.id, best);
        } else if (second != null && secondScore >= settings.mergeThreshold()) {
            Story keep = best.first != null && second.first != null && second.first.isBefore(best.first) ? second : best;
            Story fold = keep == best ? second : best;
            merge(fold, keep);
            merged.add(fold.id);
            best = keep;
        }
        MinHashLsh.Copies found = copies.add(article.id(), article.text(), article.published(), article.arrival());
        add(best, article, vector, query);
        return new Decision(best.id, newStory, found.copyOf(), newStory ? 0 : bestScore, merged, found.nowCopiesOfThis());
    }

    @Override
    public void restore(ClusterInput article, String storyId, String nearDuplicateOf) {
        SparseVector vector = vectorOf(article);
        Story story = stories.computeIfAbsent(storyId, Story::new);
        copies.add(article.id(), article.text(), article.published(), article.arrival());
        add(story, article, vector, vector.topIds(settings.queryTerms()));
    }

    @Override
    public int size() {
        return storyOfArticle.size();
    }

    @Override
    public String storyOf(String articleId) {
        String id = storyOfArticle.get(articleId);
        Story s = id == null ? null : stories.get(id);
        while (s != null && s.mergedInto != null) {
            s = stories.get(s.mergedInto);
        }
        return s == null ? id : s.id;
    }

    /** Learns the article's terms into the document frequencies, then weighs them: (1 + log tf) * idf, unit length. */
    private SparseVector vectorOf(ClusterInput article) {
        Features f = Features.of(article, settings);
        documents++;
        int n = f.counts.size();
        long[] packed = new long[n];
        double[] raw = new double[n];
        int k = 0;
        for (Map.Entry<String, Double> e : f.counts.entrySet()) {
            int id = vocabulary.computeIfAbsent(e.getKey(), t -> vocabulary.size());
            if (id >= documentFrequency.length) {
                documentFrequency = java.util.Arrays.copyOf(documentFrequency, documentFrequency.length * 2);
            }
            documentFrequency[id]++;
            raw[k] = e.getValue();
            packed[k] = ((long) id << 32) | k;
            k++;
        }
        java.util.Arrays.sort(packed);
        int[] ids = new int[n];
        double[] weights = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            int id = (int) (packed[i] >>> 32);
            double tf = raw[(int) packed[i]];
            double idf = Math.log((1.0 + documents) / (1.0 + documentFrequency[id])) + 1;
            double w = (1 + Math.log(tf)) * idf;
            ids[i] = id;
            weights[i] = w;
            norm += w * w;
        }
        double len = Math.sqrt(norm);
        if (len > 0) {
            for (int i = 0; i < n; i++) {
                weights[i] /= len;
            }
        }
        return new SparseVector(ids, weights);
    }

    /**
     * Stories sharing the article's heaviest terms, ranked by the weight of the terms they share; only the best
     * {@code max-candidates} are scored in full.
     */
    private List<Story> candidates(SparseVector vector, int[] query) {
        Map<Story, Double> shared = new HashMap<>();
        for (int term : query) {
            double w = vector.weightOf(term);
            for (Story s : postings.getOrDefault(term, Collections.emptySet())) {
                shared.merge(live(s), w, Double::sum);
            }
        }
        List<Map.Entry<Story, Double>> ranked = new ArrayList<>(shared.entrySet());
        if (ranked.size() > settings.maxCandidates()) {
            ranked.sort(Map.Entry.<Story, Double>comparingByValue().reversed());
            ranked = ranked.subList(0, settings.maxCandidates());
        }
        List<Story> out = new ArrayList<>(ranked.size());
        ranked.forEach(e -> out.add(e.getKey()));
        return out;
    }

    private Story live(Story s) {
        while (s.mergedInto != null) {
            s = stories.get(s.mergedInto);
        }
        return s;
    }

    private double similarity(SparseVector vector, Story story, LocalDate day) {
        double time = timeFactor(story, day);
        if (time == 0 || story.norm == 0) {
            return 0;
        }
        return vector.dot(story.centroid) / story.norm * time;
    }

    /**
     * 1 within the grace period of the story's days, then decaying towards the floor (follow-ups such as arrests and
     * trials come months later); 0 beyond the window. Undated articles are not discounted.
     */
    private double timeFactor(Story story, LocalDate day) {
        if (day == null || story.first == null) {
            return 1;
        }
        long gap = Math.max(0, Math.max(ChronoUnit.DAYS.between(day, story.first), ChronoUnit.DAYS.between(story.last, day)));
        if (gap > settings.windowDays()) {
            return 0;
        }
        if (gap <= settings.timeGraceDays()) {
            return 1;
        }
        double decay = Math.exp(-(gap - settings.timeGraceDays()) / settings.timeScaleDays());
        return settings.timeFloor() + (1 - settings.timeFloor()) * decay;
    }

    /** @param query the article's heaviest terms, under which the story becomes findable */
    private void add(Story story, ClusterInput article, SparseVector vector, int[] query) {
        story.centroid = story.centroid.plus(vector);
        if (story.centroid.size() > 2 * settings.maxCentroidTerms()) {
            story.centroid = story.centroid.heaviest(settings.maxCentroidTerms());
        }
        story.norm = story.centroid.norm();
        for (int term : query) {
            Set<Story> list = postings.computeIfAbsent(term, k -> new LinkedHashSet<>());
            list.remove(story);
            list.add(story);
            if (list.size() > settings.maxPostings()) {
                // The least recently joined story leaves: a common term keeps its lookup cost bounded.
                var oldest = list.iterator();
                oldest.next();
                oldest.remove();
            }
        }
        LocalDate day = article.published();
        if (day != null) {
            story.first = story.first == null || day.isBefore(story.first) ? day : story.first;
            story.last = story.last == null || day.isAfter(story.last) ? day : story.last;
        }
        story.size++;
        storyOfArticle.put(article.id(), story.id);
    }

    private void merge(Story fold, Story keep) {
        keep.centroid = keep.centroid.plus(fold.centroid);
        for (int term : fold.centroid.ids) {
            Set<Story> list = postings.get(term);
            if (list != null) {
                list.remove(fold);
                list.add(keep);
            }
        }
        if (keep.centroid.size() > 2 * settings.maxCentroidTerms()) {
            keep.centroid = keep.centroid.heaviest(settings.maxCentroidTerms());
        }
        keep.norm = keep.centroid.norm();
        keep.size += fold.size;
        if (fold.first != null) {
            keep.first = keep.first == null || fold.first.isBefore(keep.first) ? fold.first : keep.first;
            keep.last = keep.last == null || fold.last.isAfter(keep.last) ? fold.last : keep.last;
        }
        fold.mergedInto = keep.id;
        fold.centroid = SparseVector.EMPTY;
    }
}
