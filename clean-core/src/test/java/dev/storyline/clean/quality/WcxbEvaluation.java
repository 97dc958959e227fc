package dev.storyline.clean.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.RawInput;

/** Runs the extractor over WCXB pages and sums them up the way the benchmark does, for any subset of pages. */
public final class WcxbEvaluation {

    /** One page, what the extractor made of it, and its scores. */
    public record Result(WcxbSet.Page page, Extraction extraction, WcxbMetric.Body body, int withFound,
            int withoutLeaked, Boolean title, Boolean author, Boolean date) {
    }

    /** The benchmark's figures over a set of pages; metadata over the article pages whose reference states it. */
    public record Scores(int pages, double articlesF1, double allF1, Map<String, Double> byType, double withFound,
            double withoutLeaked, double title, double author, double date) {

        @Override
        public String toString() {
            StringBuilder types = new StringBuilder();
            byType.forEach((t, f) -> types.append(String.format(" %s %.3f", t, f)));
            return String.format("%d pages: articles F1 %.4f, all F1 %.4f, with found %.3f, without leaked %.3f, "
                    + "title %.3f, author %.3f, date %.3f;%s", pages, articlesF1, allF1, withFound, withoutLeaked, title,
                    author, date, types);
        }
    }

    private WcxbEvaluation() {
    }

    public static List<Result> run(ArticleExtractor extractor, Collection<WcxbSet.Page> pages) {
        List<Result> out = new ArrayList<>();
        for (WcxbSet.Page p : pages) {
            Extraction e = extractor.extract(new RawInput(Decoding.decode(p.html(), null), null, p.url(), null, null));
            String text = e.text();
            out.add(new Result(p, e, WcxbMetric.body(text, p.body()), WcxbMetric.found(text, p.with()),
                    WcxbMetric.found(text, p.without()),
                    p.title() == null ? null : WcxbMetric.sameTitle(e.title(), p.title()),
                    p.author() == null ? null : WcxbMetric.sameAuthor(e.bylines(), p.author()),
                    p.date() == null ? null : WcxbMetric.sameDay(e.published(), p.date())));
        }
        return out;
    }

    public static Scores score(List<Result> results, Predicate<Result> which) {
        List<Result> rs = results.stream().filter(which).toList();
        List<Result> articles = rs.stream().filter(r -> r.page().article()).toList();
        Map<String, List<Result>> types = new TreeMap<>();
        rs.forEach(r -> types.computeIfAbsent(r.page().type(), t -> new ArrayList<>()).add(r));
        Map<String, Double> byType = new TreeMap<>();
        types.forEach((t, list) -> byType.put(t, meanF1(list)));
        return new Scores(rs.size(), meanF1(articles), meanF1(rs), byType,
                share(rs.stream().mapToInt(Result::withFound).sum(), rs.stream().mapToInt(r -> r.page().with().size()).sum()),
                share(rs.stream().mapToInt(Result::withoutLeaked).sum(),
                        rs.stream().mapToInt(r -> r.page().without().size()).sum()),
                rate(articles.stream().map(Result::title).toList()), rate(articles.stream().map(Result::author).toList()),
                rate(articles.stream().map(Result::date).toList()));
    }

    private static double meanF1(List<Result> rs) {
        return rs.stream().mapToDouble(r -> r.body().f1()).average().orElse(0);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private static double rate(List<Boolean> outcomes) {
        List<Boolean> stated = outcomes.stream().filter(o -> o != null).toList();
        return stated.isEmpty() ? 0 : stated.stream().filter(o -> o).count() / (double) stated.size();
    }
}
