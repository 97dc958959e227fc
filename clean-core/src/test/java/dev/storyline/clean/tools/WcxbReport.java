package dev.storyline.clean.tools;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.storyline.clean.quality.ExtractionQualityTest;
import dev.storyline.clean.quality.WcxbEvaluation;
import dev.storyline.clean.quality.WcxbSet;

/**
 * A developer's tool ({@code clean-core/tool.sh WcxbReport [worst]}): WCXB dev scored on all pages and on each domain
 * half, then the worst pages of each page type with their scores and what the extractor said about them. Look at
 * failures on one half; judge a change on the other.
 */
public final class WcxbReport {

    public static void main(String[] args) throws Exception {
        int worst = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String onlyHalf = args.length > 1 ? args[1] : null;
        List<WcxbSet.Page> pages = WcxbSet.load();
        long t0 = System.nanoTime();
        List<WcxbEvaluation.Result> results = WcxbEvaluation.run(ExtractionQualityTest.EXTRACTOR, pages);
        System.out.printf("extracted %d pages in %.1f s%n", pages.size(), (System.nanoTime() - t0) / 1e9);
        System.out.println("all     " + WcxbEvaluation.score(results, r -> true));
        for (WcxbSet.Half h : WcxbSet.Half.values()) {
            System.out.println("half " + h + "  " + WcxbEvaluation.score(results, r -> r.page().half() == h));
        }
        Map<String, List<WcxbEvaluation.Result>> byType = results.stream()
                .filter(r -> onlyHalf == null || r.page().half().name().equals(onlyHalf))
                .collect(Collectors.groupingBy(r -> r.page().type(), TreeMap::new, Collectors.toList()));
        if (args.length > 2 && args[2].equals("meta")) {
            misses(byType.get("article"), worst);
            return;
        }
        byType.forEach((type, rs) -> {
            System.out.printf("%n== worst %s pages%n", type);
            rs.stream().sorted(Comparator.comparingDouble(r -> r.body().f1())).limit(worst).forEach(WcxbReport::line);
        });
    }

    /** Article pages whose title, author or date the extractor missed: what it said against the reference. */
    private static void misses(List<WcxbEvaluation.Result> articles, int n) {
        System.out.println("\n== title misses");
        articles.stream().filter(r -> Boolean.FALSE.equals(r.title())).limit(n).forEach(r -> System.out
                .printf("%s got [%s] want [%s]%n", r.page().id(), r.extraction().title(), r.page().title()));
        System.out.println("\n== author misses");
        articles.stream().filter(r -> Boolean.FALSE.equals(r.author())).limit(n).forEach(r -> System.out
                .printf("%s got %s want [%s]%n", r.page().id(), r.extraction().bylines(), r.page().author()));
        System.out.println("\n== date misses");
        articles.stream().filter(r -> Boolean.FALSE.equals(r.date())).limit(n).forEach(r -> System.out
                .printf("%s got [%s] want [%s] %s%n", r.page().id(), r.extraction().published(), r.page().date(),
                        r.page().url()));
    }

    private static void line(WcxbEvaluation.Result r) {
        String text = r.extraction().text();
        System.out.printf("%s [%s] F1 %.3f P %.3f R %.3f  got %d chars, want %d  %s%n    %s%n", r.page().id(),
                r.page().half(), r.body().f1(), r.body().precision(), r.body().recall(), text.length(),
                r.page().body() == null ? 0 : r.page().body().length(), r.page().url(),
                r.extraction().reason() != null ? "reason: " + r.extraction().reason()
                        : "starts: " + text.substring(0, Math.min(100, text.length())).replace('\n', ' '));
    }
}
