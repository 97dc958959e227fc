package dev.storyline.pull.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** At most N requests to one host at a time, and at least a delay between the starts of two of them. */
final class HostPoliteness {

    private static final class Host {
        final Semaphore slots;
        long nextStartNanos;

        Host(int concurrency) {
            slots = new Semaphore(concurrency, true);
        }
    }

    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final int concurrency;
    private final long delayNanos;

    HostPoliteness(int concurrency, Duration delay) {
        this.concurrency = concurrency;
        this.delayNanos = delay.toNanos();
    }

    /** Waits for this host's turn, at most until the deadline; answers false if it did not come. */
    boolean enter(String host, long deadlineNanos) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host, k -> new Host(concurrency));
        if (!h.slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        long wait;
        synchronized (h) {
            long now = System.nanoTime();
            long start = Math.max(now, h.nextStartNanos);
            h.nextStartNanos = start + delayNanos;
            wait = start - now;
        }
        if (wait > 0) {
            if (System.nanoTime() + wait > deadlineNanos) {
                h.slots.release();
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return true;
    }

    void leave(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            h.slots.release();
        }
    }
}
