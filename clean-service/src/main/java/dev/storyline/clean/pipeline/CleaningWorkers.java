package dev.storyline.clean.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storyline.contracts.RawArticle;

/**
 * Cleans the items of a poll on a fixed number of threads ({@code storyline.clean.pipeline.workers}) and answers the
 * results in the order of the items. Extraction runs outside any transaction: a large page holds no connection.
 */
@ApplicationScoped
public class CleaningWorkers {

    /** One item's outcome: a verdict, or the failure that kept it from one. */
    public record Result(RawArticle raw, CleaningService.Verdict verdict, RuntimeException failure) {
    }

    private final CleaningService cleaning;
    private final ExecutorService pool;

    @Inject
    public CleaningWorkers(CleaningService cleaning, CleanPipelineConfig config) {
        this.cleaning = cleaning;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "cleaning-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public List<Result> clean(List<RawArticle> items) throws InterruptedException {
        List<Future<Result>> running = new ArrayList<>(items.size());
        for (RawArticle raw : items) {
            running.add(pool.submit(() -> cleanOne(raw)));
        }
        List<Result> results = new ArrayList<>(items.size());
        for (Future<Result> f : running) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a cleaning task failed outside its own guard", e.getCause());
            }
        }
        return results;
    }

    private Result cleanOne(RawArticle raw) {
        try {
            return new Result(raw, cleaning.clean(raw), null);
        } catch (RuntimeException e) {
            return new Result(raw, null, e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
