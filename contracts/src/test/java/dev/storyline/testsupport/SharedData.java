package dev.storyline.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The third-party evaluation data in {@code ../shared/data}. It is read in place, never copied into the project.
 * Override the location with {@code -Dstoryline.data.dir=...} or {@code STORYLINE_DATA_DIR}. When it is absent a
 * test is skipped and says why, except under {@code CI=true}, where absence fails the test.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("storyline.data.dir", System.getenv("STORYLINE_DATA_DIR"));
        return Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    }

    /** The path below the data dir; skips (or, in CI, fails) the calling test when it is missing. */
    public static Path require(String relative) {
        Path path = dir().resolve(relative);
        if (!Files.exists(path)) {
            String message = "test data not found at " + path
                    + " (set -Dstoryline.data.dir or STORYLINE_DATA_DIR to the shared data folder)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true, so missing data is a failure");
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
