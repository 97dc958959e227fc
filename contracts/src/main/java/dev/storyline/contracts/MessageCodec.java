package dev.storyline.contracts;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one way every producer writes and every consumer reads a message: JSON, UTF-8.
 * Readers ignore fields they do not know (so a producer may add optional fields within a version)
 * and refuse a schema version newer than they understand, and any missing required field.
 */
public final class MessageCodec<T extends Versioned> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    public static final MessageCodec<RawArticle> RAW_ARTICLE = new MessageCodec<>(RawArticle.class,
            RawArticle.SCHEMA_VERSION, m -> List.of(field("id", m.id()), atMostOne(m.html(), m.text()),
                    something(m.title(), m.html() != null ? m.html() : m.text(), "title, html or text")));
    public static final MessageCodec<CleanArticle> CLEAN_ARTICLE = new MessageCodec<>(CleanArticle.class,
            CleanArticle.SCHEMA_VERSION, m -> List.of(field("id", m.id()), present("text", m.text()),
                    something(m.title(), m.text(), "title or text")));
    public static final MessageCodec<ArticleStatus> ARTICLE_STATUS = new MessageCodec<>(ArticleStatus.class,
            ArticleStatus.SCHEMA_VERSION, m -> List.of(field("articleId", m.articleId()), field("stage", m.stage()),
                    m.verdict() == null ? "verdict is missing" : "",
                    m.verdict() == ArticleStatus.Verdict.REJECTED ? field("reason", m.reason()) : ""));
    public static final MessageCodec<StoryEvent> STORY_EVENT = new MessageCodec<>(StoryEvent.class,
            StoryEvent.SCHEMA_VERSION, m -> List.of(field("eventId", m.eventId()), field("storyId", m.storyId()),
                    m.type() == null ? "type is missing" : ""));

    private final Class<T> type;
    private final int version;
    private final Function<T, List<String>> checks;

    private MessageCodec(Class<T> type, int version, Function<T, List<String>> checks) {
        this.type = type;
        this.version = version;
        this.checks = checks;
    }

    public byte[] encode(T message) {
        requireValid(message);
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new ContractViolation("cannot write " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public T decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new ContractViolation("empty " + type.getSimpleName() + " message");
        }
        T message;
        try {
            message = MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ContractViolation("unreadable " + type.getSimpleName() + " message: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ContractViolation("unreadable " + type.getSimpleName() + " message: " + e.getMessage(), e);
        }
        requireValid(message);
        return message;
    }

    public Class<T> type() {
        return type;
    }

    public int version() {
        return version;
    }

    private void requireValid(T message) {
        if (message.schemaVersion() != version) {
            throw new ContractViolation(type.getSimpleName() + " schemaVersion " + message.schemaVersion()
                    + " is not supported (this build reads version " + version + ")");
        }
        for (String problem : checks.apply(message)) {
            if (!problem.isEmpty()) {
                throw new ContractViolation(type.getSimpleName() + ": " + problem);
            }
        }
    }

    private static String field(String name, String value) {
        return value == null || value.isBlank() ? name + " is missing" : "";
    }

    private static String present(String name, Object value) {
        return value == null ? name + " is missing" : "";
    }

    private static String atMostOne(String html, String text) {
        return html != null && text != null ? "html and text are exclusive: give one of them" : "";
    }

    private static String something(String title, String content, String what) {
        return (title == null || title.isBlank()) && (content == null || content.isBlank())
                ? "an article needs at least one of " + what : "";
    }
}
