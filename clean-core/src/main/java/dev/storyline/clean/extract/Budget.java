package dev.storyline.clean.extract;

/**
 * A time limit for one extraction, checked cooperatively in the extractor's loops so that a pathological page
 * (millions of nodes, nesting 100,000 deep) ends with an empty article and a reason instead of holding a worker.
 */
final class Budget {

    static final class Exceeded extends RuntimeException {
        Exceeded(long millis) {
            super("extraction stopped: over its time budget of " + millis + " ms", null, false, false);
        }
    }

    private final long deadline;
    private final long millis;
    private int calls;

    Budget(long millis) {
        this.millis = millis;
        this.deadline = System.nanoTime() + millis * 1_000_000L;
    }

    /** Cheap enough for inner loops: reads the clock every 256 calls. */
    void check() {
        if ((++calls & 0xff) == 0 && System.nanoTime() > deadline) {
            throw new Exceeded(millis);
        }
    }
}
