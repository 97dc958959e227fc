package dev.storyline.cluster.core;

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
        /** Position in {@link #byNumber}, and in the posting lists. */
        final int number;
        final Centroid centroid = new Centroid();
        double norm;
        double nameNorm;
        final Centroid titles = new Centroid();
        double titleNorm;
        /** Epoch days of its first and last publication ({@link #UNDATED}: none), and of its first month's 1st. */
        long first = UNDATED;
        long last = UNDATED;
        long firstMonth = UNDATED;
        /** The ages its articles give, and those their titles give, as bit sets (see {@link Features#agesLow}). */
        long agesLow;
        long agesHigh;
        long titleAgesLow;
        long titleAgesHigh;
        int size;

        Story(String id, int number) {
            this.id = id;
            this.number = number;
        }
    }

    /**
     * Posting lists, one int array per term: slot 0 holds the count, then the numbers of at most {@code max-postings}
     * stories, the least recently joined first. A common term keeps its lookup cost bounded: when full, the least
     * recently joined story leaves. Arrays start small (most terms point to one or two stories) and grow.
     */
    private static int[] joined(int[] list, int story, int capacity) {
        if (list == null) {
            list = new int[3];
        }
        remove(list, story);
        int size = list[0];
        if (size == capacity) {
            System.arraycopy(list, 2, list, 1, size - 1);
            size--;
        } else if (size + 1 == list.length) {
            list = Arrays.copyOf(list, 1 + Math.min(capacity, 2 * size));
        }
        list[1 + size] = story;
        list[0] = size + 1;
        return list;
    }

    private static boolean remove(int[] list, int story) {
        int size = list[0];
        for (int i = 1; i <= size; i++) {
            if (list[i] == story) {
                System.arraycopy(list, i + 1, list, i, size - i);
                list[0] = size - 1;
                return true;
            }
        }
        return false;
    }

    private static final long UNDATED = Long.MIN_VALUE;
    private static final double MERGED = -1;

    /** A story an article could join, with the evidence the model scores; for fitting the model. */
    public record Candidate(String storyId, double[] features, boolean bothDated) {
    }

    private final Settings settings;
    private final StoryModel model;
    /** Term ids (and whether a term is a name); document frequencies by id. */
    private final Vocabulary vocabulary = new Vocabulary();
    private final Features features;
    private int[] documentFrequency = new int[1024];
    private boolean[] isName;
    /** By term id: the stories most recently joined under that term, oldest first. */
    private int[][] postings = new int[1024][];
    private final Map<String, Story> stories = new HashMap<>();
    /**
     * Stories by number; for each, the query weight it shares with the article being placed (scratch), or
     * {@link #MERGED} for a story merged into another (one read tells a live story from one to forward).
     */
    private Story[] byNumber = new Story[1024];
    private double[] shared = new double[1024];
    /** By number: the number of the story it was merged into, or its own (posting lists may still name it). */
    private int[] forward = new int[1024];
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private final MinHashLsh copies;
    /**
     * The article being placed: its term ids (ascending) and by position the term's weight, its weight if it is a
     * name, and whether it is a rare name. A dot product with a story's centroid is then one pass over the centroid's
     * terms (the title's few terms are instead searched for in the story's titles).
     */
    private int[] probeIds = new int[0];
    private double[] probeWeights = new double[256];
    private double[] probeNames = new double[256];
    private boolean[] probeRare = new boolean[256];
    /**
     * From a 12-bit hash of a term id to the article's term there: its id + 1 and its position, or {@link #SHARED}
     * when two of its terms hash alike (then the ids are searched). With about two hundred terms in 4,096 slots, a
     * story's term the article lacks is told in one look at an array that stays in cache, and so is one it has.
     */
    private final int[] slotIds = new int[1 << 12];
    private final int[] slotPositions = new int[1 << 12];
    private static final int SHARED = -1;
    private final TitleFurniture titleFurniture;
    private int documents;
    /** Scratch: the name part's norm, from the pass that computes a centroid's norm. */
    private final double[] nameNorm = new double[1];
    /** Scratch: the evidence for one candidate story ({@link #features}), the sort keys of {@link #weigh}. */
    private final double[] evidence = new double[StoryModel.FEATURES.size()];
    private long[] packed = new long[256];
    /** Scratch for {@link #candidates}: the stories touched, and those kept. */
    private int[] touched = new int[64];
    private final List<Story> found = new ArrayList<>();

    public StoryIndex(Settings settings) {
        this(settings, StoryModel.defaults());
    }

    public StoryIndex(Settings settings, StoryModel model) {
        this.settings = settings;
        this.model = model;
        this.copies = new MinHashLsh(settings.duplicateJaccard(), settings.minhashPermutations(), settings.shingleWords());
        this.titleFurniture = new TitleFurniture(settings.titleFurnitureRepeats());
        this.features = new Features(vocabulary, settings);
    }

    @Override
    public Decision assign(ClusterInput article) {
        Vectors v = vectorsOf(article);
        int[] query = v.all.topIds(settings.queryTerms());
        Story best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Story second = null;
        double secondScore = Double.NEGATIVE_INFINITY;
        spread(v);
        long day = day(article);
        for (Story candidate : candidates(query)) {
            double[] x = features(v, candidate, day);
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
            best = story("s-" + article.id());
        } else if (second != null && secondScore >= settings.mergeThreshold()) {
            Story keep = best.first != UNDATED && second.first != UNDATED && second.first < best.first ? second : best;
            Story fold = keep == best ? second : best;
            merge(fold, keep);
            merged.add(fold.id);
            best = keep;
        }
        MinHashLsh.Copies found = copies.add(article.id(), features.textWords, features.textWordCount,
                article.published(), article.arrival());
        add(best, article, v, query);
        double probability = newStory ? 0 : 1 / (1 + Math.exp(-bestScore));
        return new Decision(best.id, newStory, found.copyOf(), probability, merged, found.nowCopiesOfThis());
    }

    @Override
    public void restore(ClusterInput article, String joinedStoryId, List<String> folded) {
        Vectors v = vectorsOf(article);
        Story story = story(joinedStoryId);
        for (String foldedId : folded) {
            Story fold = story(foldedId);
            if (fold != story) {
                merge(fold, story);
            }
        }
        copies.add(article.id(), features.textWords, features.textWordCount, article.published(), article.arrival());
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
        spread(v);
        long day = day(article);
        for (Story candidate : candidates(query)) {
            double[] x = features(v, candidate, day);
            if (x != null) {
                out.add(new Candidate(candidate.id, x.clone(), datedPair(article, candidate)));
            }
        }
        add(story(storyId), article, v, query);
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
        return s == null ? id : live(s).id;
    }

    /** Spreads the article's vectors into the probe arrays, in place of the previous article's. */
    private void spread(Vectors v) {
        for (int id : probeIds) {
            slotIds[slot(id)] = 0;
        }
        int[] ids = v.all.ids;
        probeIds = ids;
        if (ids.length > probeWeights.length) {
            probeWeights = new double[ids.length];
            probeNames = new double[ids.length];
            probeRare = new boolean[ids.length];
        }
        for (int i = 0; i < ids.length; i++) {
            double w = v.all.weights[i];
            probeWeights[i] = w;
            probeNames[i] = isName[ids[i]] ? w : 0;
            probeRare[i] = false;
            int bit = slot(ids[i]);
            if (slotIds[bit] == 0) {
                slotIds[bit] = ids[i] + 1;
                slotPositions[bit] = i;
            } else {
                slotIds[bit] = SHARED;
            }
        }
        for (int id : v.rareNames) {
            probeRare[probeEntry(id)] = true;
        }
    }

    /** The article's weight for the term (it must be spread). */
    private double probeWeight(int id) {
        int at = probeEntry(id);
        return at < 0 ? 0 : probeWeights[at];
    }

    /** The term's position among the spread article's, or -1 when the article lacks it. */
    private int probeEntry(int id) {
        int bit = slot(id);
        int owner = slotIds[bit];
        if (owner == id + 1) {
            return slotPositions[bit];
        }
        if (owner != SHARED) {
            return -1;
        }
        int at = Arrays.binarySearch(probeIds, id);
        return at < 0 ? -1 : at;
    }

    private static int slot(int id) {
        return (id * 0x9E3779B1) >>> 20;
    }

    /** Learns the article's terms into the document frequencies, then weighs them: (1 + log tf) * idf, unit length. */
    private Vectors vectorsOf(ClusterInput original) {
        features.read(titleFurniture.strip(original));
        isName = vocabulary.names();
        if (documentFrequency.length < vocabulary.size()) {
            int n = Math.max(vocabulary.size(), 2 * documentFrequency.length);
            documentFrequency = Arrays.copyOf(documentFrequency, n);
        }
        documents++;
        SparseVector all = weigh(features.all, true);
        int[] rareNames = new int[all.ids.length];
        int rare = 0;
        for (int id : all.ids) {
            if (isName[id] && documentFrequency[id] <= settings.rareNameDocuments()) {
                rareNames[rare++] = id;
            }
        }
        rareNames = Arrays.copyOf(rareNames, rare);
        return new Vectors(all, all.norm(isName), weigh(features.title, false), rareNames);
    }

    private SparseVector weigh(TermCounts counts, boolean learn) {
        int n = counts.size();
        if (packed.length < n) {
            packed = new long[Math.max(n, 2 * packed.length)];
        }
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) counts.id(i) << 32) | i;
        }
        Arrays.sort(packed, 0, n);
        int[] ids = new int[n];
        double[] weights = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            int id = (int) (packed[i] >>> 32);
            ids[i] = id;
            if (learn) {
                documentFrequency[id]++;
            }
            // idf as if the index had started with idf-prior-documents articles that share no term: while it holds few
            // articles, terms they all share still count (a young index would otherwise find every shared term common)
            double idf = Math.log((1.0 + documents + settings.idfPriorDocuments()) / (1.0 + documentFrequency[id])) + 1;
            double w = (1 + Math.log(counts.weight((int) packed[i]))) * idf;
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
     * {@code max-candidates} are scored in full. The article must be spread ({@link #spread}). The list is scratch,
     * reused by the next call.
     */
    private List<Story> candidates(int[] query) {
        int count = 0;
        for (int term : query) {
            double w = probeWeight(term);
            int[] list = term < postings.length ? postings[term] : null;
            int size = list == null ? 0 : list[0];
            for (int k = 1; k <= size; k++) {
                int live = list[k];
                double sum = shared[live];
                if (sum == MERGED) {
                    live = live(live);
                    sum = shared[live];
                }
                if (sum == 0) {
                    if (count == touched.length) {
                        touched = Arrays.copyOf(touched, 2 * count);
                    }
                    touched[count++] = live;
                }
                shared[live] = sum + w;
            }
        }
        int keep = settings.maxCandidates();
        double cut = Double.NEGATIVE_INFINITY;
        if (count > keep) {
            // the keep-th largest shared weight: the smallest of the best `keep` seen, kept sorted ascending
            double[] best = new double[keep];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (int t = 0; t < count; t++) {
                double w = shared[touched[t]];
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
        List<Story> out = found;
        out.clear();
        for (int t = 0; t < count; t++) {
            if (shared[touched[t]] > cut) {
                out.add(byNumber[touched[t]]);
            }
        }
        // ties at the cut: those found first (most recently joined under the heaviest term) fill what is left
        for (int t = 0; t < count; t++) {
            if (shared[touched[t]] == cut && out.size() < keep) {
                out.add(byNumber[touched[t]]);
            }
            shared[touched[t]] = 0;
        }
        return out;
    }

    /** A new story, or the one with this id. */
    private Story story(String id) {
        Story s = stories.get(id);
        if (s == null) {
            s = new Story(id, stories.size());
            stories.put(id, s);
            if (s.number == byNumber.length) {
                byNumber = Arrays.copyOf(byNumber, 2 * s.number);
                shared = Arrays.copyOf(shared, 2 * s.number);
                forward = Arrays.copyOf(forward, 2 * s.number);
            }
            byNumber[s.number] = s;
            forward[s.number] = s.number;
        }
        return live(s);
    }

    /** The story it was merged into (through any chain of merges), or itself. */
    private Story live(Story s) {
        return byNumber[live(s.number)];
    }

    private int live(int number) {
        while (forward[number] != number) {
            number = forward[number];
        }
        return number;
    }

    private static long day(ClusterInput article) {
        return article.published() == null ? UNDATED : article.published().toEpochDay();
    }

    private static boolean datedPair(ClusterInput article, Story story) {
        return article.published() != null && story.first != UNDATED;
    }

    /**
     * The evidence that the article belongs to the story, in {@link StoryModel#FEATURES} order, in a scratch array
     * that the next call overwrites; null when the story lies beyond the publication-time window.
     */
    private double[] features(Vectors v, Story story, long day) {
        long gap = -1;
        long sinceStart = -1;
        boolean dated = day != UNDATED && story.first != UNDATED;
        if (dated) {
            sinceStart = Math.abs(day - story.first);
            gap = Math.max(0, Math.max(story.first - day, day - story.last));
            if (gap > settings.windowDays()) {
                return null;
            }
        }
        // a later report names the day of the event: the story's first day, or one just before it
        boolean mentionsFirstDay = false;
        boolean mentionsEarlierDay = false;
        boolean mentionsFirstMonth = false;
        if (dated) {
            for (int i = 0; i < features.mentionedCount; i++) {
                long d = features.mentionedDays[i];
                mentionsFirstDay |= d >= story.first - settings.mentionDaysBefore()
                        && d <= story.first + settings.mentionDaysAfter();
                mentionsEarlierDay |= d < day - settings.mentionDaysBefore();
            }
            for (int i = 0; i < features.mentionedMonthCount; i++) {
                mentionsFirstMonth |= features.mentionedMonths[i] == story.firstMonth;
            }
        }
        double wordNorm = Math.sqrt(Math.max(0, 1 - v.nameNorm * v.nameNorm));
        double dot = 0;
        double names = 0;
        int rare = 0;
        int[] ids = story.centroid.ids;
        double[] weights = story.centroid.weights;
        for (int i = 0; i < story.centroid.size; i++) {
            int at = probeEntry(ids[i]);
            if (at >= 0) {
                dot += weights[i] * probeWeights[at];
                names += weights[i] * probeNames[at];
                if (probeRare[at]) {
                    rare++;
                }
            }
        }
        double titleDot = story.titles.dot(v.title.ids, v.title.weights);
        double storyWordNorm = Math.sqrt(Math.max(0, story.norm * story.norm - story.nameNorm * story.nameNorm));
        double centroid = story.norm == 0 ? 0 : dot / story.norm;
        double centroidNames = v.nameNorm == 0 || story.nameNorm == 0 ? 0 : names / (v.nameNorm * story.nameNorm);
        double centroidWords = wordNorm == 0 || storyWordNorm == 0 ? 0 : (dot - names) / (wordNorm * storyWordNorm);
        double title = story.titleNorm == 0 ? 0 : titleDot / story.titleNorm;
        double[] x = evidence;
        int k = 0;
        x[k++] = centroid;
        x[k++] = centroidNames;
        x[k++] = centroidWords;
        x[k++] = title;
        x[k++] = Math.sqrt(centroid);
        x[k++] = Math.sqrt(centroidNames);
        x[k++] = Math.min(rare, 3);
        x[k++] = rare > 0 ? 1 : 0;
        x[k++] = Math.min(v.rareNames.length - rare, 3);
        x[k++] = gap == 1 ? 1 : 0;
        x[k++] = gap >= 2 && gap <= 3 ? 1 : 0;
        x[k++] = gap >= 4 && gap <= 7 ? 1 : 0;
        x[k++] = gap >= 8 && gap <= 30 ? 1 : 0;
        x[k++] = gap > 30 ? 1 : 0;
        x[k++] = sinceStart >= 4 && sinceStart <= 7 ? 1 : 0;
        x[k++] = sinceStart >= 8 && sinceStart <= 30 ? 1 : 0;
        x[k++] = sinceStart > 30 ? 1 : 0;
        x[k++] = Math.log(story.size);
        x[k++] = mentionsFirstDay ? 1 : 0;
        x[k++] = !mentionsFirstDay && mentionsEarlierDay ? 1 : 0;
        x[k++] = mentionsFirstDay && sinceStart > 7 ? 1 : 0;
        x[k++] = mentionsFirstMonth && sinceStart > 7 ? 1 : 0;
        // the ages both give: reports whose ages all differ speak of different people
        x[k++] = Math.min(Long.bitCount(features.agesLow & story.agesLow)
                + Long.bitCount(features.agesHigh & story.agesHigh), 2);
        x[k++] = allDiffer(features.agesLow, features.agesHigh, story.agesLow, story.agesHigh) ? 1 : 0;
        // days named, none of them the story's first: most often another event's day
        x[k++] = dated && features.mentionedCount > 0 && !mentionsFirstDay ? 1 : 0;
        // the same for the ages in the titles: whom the report is about
        x[k++] = allDiffer(features.titleAgesLow, features.titleAgesHigh, story.titleAgesLow, story.titleAgesHigh)
                ? 1 : 0;
        x[k++] = 1;
        return x;
    }

    /** Whether two age sets (each as its bits for 1-63 and 64-99) both hold ages and share none. */
    private static boolean allDiffer(long aLow, long aHigh, long bLow, long bHigh) {
        return (aLow | aHigh) != 0 && (bLow | bHigh) != 0 && (aLow & bLow) == 0 && (aHigh & bHigh) == 0;
    }

    /** @param query the article's heaviest terms, under which the story becomes findable */
    private void add(Story story, ClusterInput article, Vectors v, int[] query) {
        story.centroid.add(v.all);
        story.titles.add(v.title);
        refresh(story);
        for (int term : query) {
            if (term >= postings.length) {
                postings = Arrays.copyOf(postings, Math.max(term + 1, postings.length * 2));
            }
            postings[term] = joined(postings[term], story.number, settings.maxPostings());
        }
        long day = day(article);
        if (day != UNDATED) {
            if (story.first == UNDATED || day < story.first) {
                story.first = day;
                story.firstMonth = article.published().withDayOfMonth(1).toEpochDay();
            }
            story.last = story.last == UNDATED || day > story.last ? day : story.last;
        }
        story.agesLow |= features.agesLow;
        story.agesHigh |= features.agesHigh;
        story.titleAgesLow |= features.titleAgesLow;
        story.titleAgesHigh |= features.titleAgesHigh;
        story.size++;
        storyOfArticle.put(article.id(), story.id);
    }

    /** Bounds the centroids and recomputes their norms. */
    private void refresh(Story story) {
        if (story.centroid.size > 2 * settings.maxCentroidTerms()) {
            story.centroid.keepHeaviest(settings.maxCentroidTerms());
        }
        if (story.titles.size > 2 * settings.maxCentroidTerms()) {
            story.titles.keepHeaviest(settings.maxCentroidTerms());
        }
        story.norm = story.centroid.norm(isName, nameNorm);
        story.nameNorm = nameNorm[0];
        story.titleNorm = story.titles.norm();
    }

    private void merge(Story fold, Story keep) {
        keep.centroid.add(fold.centroid);
        keep.titles.add(fold.titles);
        for (int t = 0; t < fold.centroid.size; t++) {
            int term = fold.centroid.ids[t];
            int[] list = term < postings.length ? postings[term] : null;
            if (list != null && remove(list, fold.number)) {
                postings[term] = joined(list, keep.number, settings.maxPostings());
            }
        }
        refresh(keep);
        keep.size += fold.size;
        keep.agesLow |= fold.agesLow;
        keep.agesHigh |= fold.agesHigh;
        keep.titleAgesLow |= fold.titleAgesLow;
        keep.titleAgesHigh |= fold.titleAgesHigh;
        if (fold.first != UNDATED) {
            if (keep.first == UNDATED || fold.first < keep.first) {
                keep.first = fold.first;
                keep.firstMonth = fold.firstMonth;
            }
            keep.last = keep.last == UNDATED || fold.last > keep.last ? fold.last : keep.last;
        }
        forward[fold.number] = keep.number;
        shared[fold.number] = MERGED;
        fold.centroid.clear();
        fold.titles.clear();
    }
}
