package dev.storyline.contracts;

import java.util.List;
import java.util.Map;

/**
 * The topics that carry the contracts, with the settings they need. Each service ensures the topics it
 * touches exist (see {@link TopicProvisioner}); the partition counts are defaults an operator can override.
 */
public final class Topics {
    public static final String ARTICLES_RAW = "articles.raw";
    public static final String ARTICLES_CLEAN = "articles.clean";
    public static final String STORIES_EVENTS = "stories.events";
    /** Each stage's verdict on an article ({@link ArticleStatus}), for ingest-service to show. */
    public static final String ARTICLES_STATUS = "articles.status";
    public static final String DLQ_SUFFIX = ".dlq";

    /** Largest record a topic takes: a 10 MB page, JSON-escaped, with room to spare. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private Topics() {
    }

    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    public static Spec spec(String name, int partitions) {
        return new Spec(name, partitions, Map.of(
                "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                "compression.type", "producer"));
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetter(String name) {
        return name + DLQ_SUFFIX;
    }

    public static List<Spec> withDeadLetter(String name, int partitions) {
        return List.of(spec(name, partitions), spec(name + DLQ_SUFFIX, 1));
    }
}
