package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming story clustering. Each article becomes a TF-IDF vector (online document frequencies) over words,
 * numbers and spelling-tolerant names ({@link Features}), plus a vector of its title alone. Candidate stories come
 * from an inverted index over the article's heaviest terms, so the cost of an article does not grow with the number
 * of stories. Each candidate is scored by a {@link StoryModel} over evidence that survives rewording: similarity to
 * the story's centroid (all terms, names only, words only), to its titles, rare names shared with it or not, and
 * the distance in publication time. An article joins the best story whose score reaches the
 * join threshold, or starts a new one; when it also reaches the merge threshold with a second story, the two
 * stories are one and are merged. Copies are found by {@link MinHashLsh}. Single writer: callers serialise calls.
 */
public final class StoryIndex implements StoryClusterer {

    /** An article's vectors: all terms (unit length, with the norm of its name part) and the title alone. */
    private record Vectors(SparseVector all, double nameNorm, SparseVector title, int[] rareNames) {
    }

    private static final class Story {
        final String id;
        SparseVector centroid = SparseVector.EMPTY;
        double norm;
        double nameNorm;
        SparseVector titles = SparseVector.EMPTY;
        double titleNorm;
        LocalDate first;
        LocalDate last;
        int size;
        String mergedInto;
        /** Scratch: the query weight shared with the article being placed. */
        double shared;

        Story(String id) {
            this.id = id;
        }
    }

    /**
     * A term's posting list: at most {@code capacity} stories, the least recently joined first. A common term
     * keeps its lookup cost bounded: when full, the least recently joined story leaves.
     */
    private static final class Postings {
        final Story[] stories;
        int size;

        Postings(int capacity) {
            stories = new Story[capacity];
        }

        /** The story has just been joined under this term: it moves to the end. */
        void joined(Story story) {
            remove(story);
            if (size == stories.length) {
                System.arraycopy(stories, 1, stories, 0, size - 1);
                size--;
            }
            stories[size++] = story;
        }

        boolean remove(Story story) {
            for (int i = 0; i < size; i++) {
                if (stories[i] == story) {
                    System.arraycopy(stories, i + 1, stories, i, size - i - 1);
                    stories[--size] = null;
                    return true;
                }
            }
            return false;
        }
    }

    /** A story an article could join, with the evidence the model scores; for fitting the model. */
    public record Candidate(String storyId, double[] features, boolean bothDated) {
    }

    private final Settings settings;
    private final StoryModel model;
    /** Term ids; document frequencies and whether the term is a name, by id. */
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int[] documentFrequency = new int[1024];
    private boolean[] isName = new boolean[1024];
    /** By term id: the stories most recently joined under that term, oldest first. */
    private Postings[] postings = new Postings[1024];
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private final MinHashLsh copies;
    private final double[] scratch = new double[1];
    private final TitleFurniture titleFurniture;
    private int documents;

    public StoryIndex(Settings settings) {
        this(settings, StoryModel.defaults());
    }

    public StoryIndex(Settings settings, StoryModel model) {
        this.settings = settings;
        this.model = model;
        this.copies = new MinHashLsh(settings.duplicateJaccard(), settings.minhashPermutations(), settings.shingleWords());
        this.titleFurniture = new TitleFurniture(settings.titleFurnitureRepeats());
    }

    @Override
    public Decision assign(ClusterInput article) {
        Vectors v = vectorsOf(article);
        int[] query = v.all.topIds(settings.queryTerms());
        Story best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Story second = null;
        double secondScore = Double.NEGATIVE_INFINITY;
        for (Story candidate : candidates(v.all, query)) {
            double[] x = features(v, candidate, article.published());
            if (x == null) {
                continue;
            }
            double score = model.score(x, datedPair(article, candidate));
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
        add(best, article, v, query);
        double probability = newStory ? 0 : 1 / (1 + Math.exp(-bestScore));
        return new Decision(best.id, newStory, found.copyOf(), probability, merged, found.nowCopiesOfThis());
    }

    @Override
    public void restore(ClusterInput article, String storyId, String nearDuplicateOf) {
        Vectors v = vectorsOf(article);
        Story story = stories.computeIfAbsent(storyId, Story::new);
        copies.add(article.id(), article.text(), article.published(), article.arrival());
        add(story, article, v, v.all.topIds(settings.queryTerms()));
    }

    /**
     * For fitting the model: the evidence for each candidate story, as {@link #assign} would see it; then the
     * article joins the given (true) story. No copy detection.
     */
    public List<Candidate> observe(ClusterInput article, String storyId) {
        Vectors v = vectorsOf(article);
        int[] query = v.all.topIds(settings.queryTerms());
        List<Candidate> out = new ArrayList<>();
        for (Story candidate : candidates(v.all, query)) {
            double[] x = features(v, candidate, article.published());
            if (x != null) {
                out.add(new Candidate(candidate.id, x, datedPair(article, candidate)));
            }
        }
        add(stories.computeIfAbsent(storyId, Story::new), article, v, query);
        return out;
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
    private Vectors vectorsOf(ClusterInput original) {
        ClusterInput article = titleFurniture.strip(original);
        Features f = Features.of(article, settings);
        documents++;
        SparseVector all = weigh(f.counts, true);
        int[] rareNames = new int[all.ids.length];
        int rare = 0;
        for (int id : all.ids) {
            if (isName[id] && documentFrequency[id] <= settings.rareNameDocuments()) {
                rareNames[rare++] = id;
            }
        }
        rareNames = Arrays.copyOf(rareNames, rare);
        return new Vectors(all, all.norm(isName), weigh(Features.ofTitle(article, settings).counts, false), rareNames);
    }

    private SparseVector weigh(TermCounts counts, boolean learn) {
        int n = counts.size();
        long[] packed = new long[n];
        double[] raw = new double[n];
        int k = 0;
        for (int slot = 0; slot < counts.slots(); slot++) {
            String term = counts.term(slot);
            if (term == null) {
                continue;
            }
            int id = vocabulary.computeIfAbsent(term, t -> vocabulary.size());
            if (id >= documentFrequency.length) {
                documentFrequency = Arrays.copyOf(documentFrequency, documentFrequency.length * 2);
                isName = Arrays.copyOf(isName, documentFrequency.length);
            }
            if (learn) {
                documentFrequency[id]++;
                isName[id] = Features.isName(term);
            }
            raw[k] = counts.weight(slot);
            packed[k] = ((long) id << 32) | k;
            k++;
        }
        Arrays.sort(packed);
        int[] ids = new int[n];
        double[] weights = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            int id = (int) (packed[i] >>> 32);
            double tf = raw[(int) packed[i]];
            // idf as if the index had started with idf-prior-documents articles that share no term: while it holds few
            // articles, terms they all share still count (a young index would otherwise find every shared term common)
            double idf = Math.log((1.0 + documents + settings.idfPriorDocuments()) / (1.0 + documentFrequency[id])) + 1;
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
        List<Story> touched = new ArrayList<>(64);
        for (int term : query) {
            double w = vector.weightOf(term);
            Postings list = term < postings.length ? postings[term] : null;
            int size = list == null ? 0 : list.size;
            for (int k = 0; k < size; k++) {
                Story live = live(list.stories[k]);
                if (live.shared == 0) {
                    touched.add(live);
                }
                live.shared += w;
            }
        }
        int keep = settings.maxCandidates();
        double cut = Double.NEGATIVE_INFINITY;
        if (touched.size() > keep) {
            // the keep-th largest shared weight: the smallest of the best `keep` seen, kept sorted ascending
            double[] best = new double[keep];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (Story s : touched) {
                double w = s.shared;
                if (w > best[0]) {
                    int at = 0;
                    while (at + 1 < keep && best[at + 1] < w) {
                        best[at] = best[at + 1];
                        at++;
                    }
                    best[at] = w;
                }
            }
            cut = best[0];
        }
        List<Story> out = new ArrayList<>(Math.min(keep, touched.size()));
        for (Story s : touched) {
            if (s.shared > cut) {
                out.add(s);
            }
        }
        // ties at the cut: those found first (most recently joined under the heaviest term) fill what is left
        for (Story s : touched) {
            if (s.shared == cut && out.size() < keep) {
                out.add(s);
            }
            s.shared = 0;
        }
        return out;
    }

    private Story live(Story s) {
        while (s.mergedInto != null) {
            s = stories.get(s.mergedInto);
        }
        return s;
    }

    private static boolean datedPair(ClusterInput article, Story story) {
        return article.published() != null && story.first != null;
    }

    /**
     * The evidence that the article belongs to the story, in {@link StoryModel#FEATURES} order; null when the story
     * lies beyond the publication-time window.
     */
    private double[] features(Vectors v, Story story, LocalDate day) {
        long gap = -1;
        long sinceStart = -1;
        if (day != null && story.first != null) {
            sinceStart = Math.abs(ChronoUnit.DAYS.between(story.first, day));
            gap = Math.max(0, Math.max(ChronoUnit.DAYS.between(day, story.first), ChronoUnit.DAYS.between(story.last, day)));
            if (gap > settings.windowDays()) {
                return null;
            }
        }
        double wordNorm = Math.sqrt(Math.max(0, 1 - v.nameNorm * v.nameNorm));
        double dot = v.all.dot(story.centroid, isName, scratch);
        double names = scratch[0];
        double storyWordNorm = Math.sqrt(Math.max(0, story.norm * story.norm - story.nameNorm * story.nameNorm));
        double centroid = story.norm == 0 ? 0 : dot / story.norm;
        double centroidNames = v.nameNorm == 0 || story.nameNorm == 0 ? 0 : names / (v.nameNorm * story.nameNorm);
        double centroidWords = wordNorm == 0 || storyWordNorm == 0 ? 0 : (dot - names) / (wordNorm * storyWordNorm);
        double title = story.titleNorm == 0 ? 0 : v.title.dot(story.titles) / story.titleNorm;
        int rare = 0;
        for (int id : v.rareNames) {
            if (story.centroid.contains(id)) {
                rare++;
            }
        }
        return new double[] { centroid, centroidNames, centroidWords, title, Math.sqrt(centroid),
                Math.sqrt(centroidNames), Math.min(rare, 3), rare > 0 ? 1 : 0, Math.min(v.rareNames.length - rare, 3),
                gap == 1 ? 1 : 0, gap >= 2 && gap <= 3 ? 1 : 0, gap >= 4 && gap <= 7 ? 1 : 0,
                gap >= 8 && gap <= 30 ? 1 : 0, gap > 30 ? 1 : 0, sinceStart >= 4 && sinceStart <= 7 ? 1 : 0,
                sinceStart >= 8 && sinceStart <= 30 ? 1 : 0, sinceStart > 30 ? 1 : 0, Math.log(story.size), 1 };
    }

    /** @param query the article's heaviest terms, under which the story becomes findable */
    private void add(Story story, ClusterInput article, Vectors v, int[] query) {
        story.centroid = story.centroid.plus(v.all);
        story.titles = story.titles.plus(v.title);
        refresh(story);
        for (int term : query) {
            if (term >= postings.length) {
                postings = Arrays.copyOf(postings, Math.max(term + 1, postings.length * 2));
            }
            if (postings[term] == null) {
                postings[term] = new Postings(settings.maxPostings());
            }
            postings[term].joined(story);
        }
        LocalDate day = article.published();
        if (day != null) {
            story.first = story.first == null || day.isBefore(story.first) ? day : story.first;
            story.last = story.last == null || day.isAfter(story.last) ? day : story.last;
        }
        story.size++;
        storyOfArticle.put(article.id(), story.id);
    }

    /** Bounds the centroids and recomputes their norms. */
    private void refresh(Story story) {
        if (story.centroid.size() > 2 * settings.maxCentroidTerms()) {
            story.centroid = story.centroid.heaviest(settings.maxCentroidTerms());
        }
        if (story.titles.size() > 2 * settings.maxCentroidTerms()) {
            story.titles = story.titles.heaviest(settings.maxCentroidTerms());
        }
        story.norm = story.centroid.norm();
        story.nameNorm = story.centroid.norm(isName);
        story.titleNorm = story.titles.norm();
    }

    private void merge(Story fold, Story keep) {
        keep.centroid = keep.centroid.plus(fold.centroid);
        keep.titles = keep.titles.plus(fold.titles);
        for (int term : fold.centroid.ids) {
            Postings list = term < postings.length ? postings[term] : null;
            if (list != null && list.remove(fold)) {
                list.joined(keep);
            }
        }
        refresh(keep);
        keep.size += fold.size;
        if (fold.first != null) {
            keep.first = keep.first == null || fold.first.isBefore(keep.first) ? fold.first : keep.first;
            keep.last = keep.last == null || fold.last.isAfter(keep.last) ? fold.last : keep.last;
        }
        fold.mergedInto = keep.id;
        fold.centroid = SparseVector.EMPTY;
        fold.titles = SparseVector.EMPTY;
    }
}
