package dev.storyline.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Proves that what a producer writes is what the published schema describes and what a consumer reads back,
 * for every message, and that a consumer refuses what it cannot honour.
 */
class ContractAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-08-20T10:15:30.123Z");

    static RawArticle raw() {
        return new RawArticle(1, "a1", "ext-1", "https://example.org/a?x=1", "https://example.org/a", "example",
                "Title", "2025-08-20", "en", "<p>Body ü “quoted”</p>", null,
                "0".repeat(64), NOW);
    }

    static CleanArticle clean() {
        return new CleanArticle(1, "a1", "ext-1", "https://example.org/a", "https://example.org/a", "example",
                "Title", List.of("Jane Roe"), "2025-08-20T15:57:00+05:30", "Example", "en", "desc",
                List.of("One.", "Two."), "One.\n\nTwo.", NOW, NOW, false,
                List.of("furniture: Subscribe to get the latest posts"));
    }

    static CleanArticle brief() {
        return new CleanArticle(1, "a2", "ext-2", null, null, "feed", "Five found dead in apparent homicide",
                List.of(), null, null, "en", null, List.of(), "", NOW, NOW, true, List.of());
    }

    static RawArticle titleOnly() {
        return new RawArticle(1, "a2", "ext-2", null, null, "feed", "Five found dead in apparent homicide", null, null,
                null, null, null, NOW);
    }

    static StoryEvent added() {
        return new StoryEvent(1, "e1", StoryEvent.Type.ARTICLE_ADDED, "s1", "a1", "a0", null, "Title", 2, NOW);
    }

    static StoryEvent merged() {
        return new StoryEvent(1, "e2", StoryEvent.Type.STORIES_MERGED, "s1", null, null, List.of("s2"), "Title", 5, NOW);
    }

    @Test
    void rawArticleRoundTripsAndMatchesSchema() throws Exception {
        assertAgreement(MessageCodec.RAW_ARTICLE, raw(), "raw-article.v1.json");
    }

    @Test
    void cleanArticleRoundTripsAndMatchesSchema() throws Exception {
        assertAgreement(MessageCodec.CLEAN_ARTICLE, clean(), "clean-article.v1.json");
    }

    @Test
    void aBriefOfOnlyATitleIsAnArticleAtBothEnds() throws Exception {
        assertAgreement(MessageCodec.RAW_ARTICLE, titleOnly(), "raw-article.v1.json");
        assertAgreement(MessageCodec.CLEAN_ARTICLE, brief(), "clean-article.v1.json");
    }

    @Test
    void articleStatusRoundTripsAndMatchesSchema() throws Exception {
        assertAgreement(MessageCodec.ARTICLE_STATUS, ArticleStatus.cleaned("a1"), "article-status.v1.json");
        assertAgreement(MessageCodec.ARTICLE_STATUS, ArticleStatus.rejected("a1", "clean", "no usable title or text"),
                "article-status.v1.json");
        assertThrows(ContractViolation.class, () -> MessageCodec.ARTICLE_STATUS.encode(
                new ArticleStatus(1, "a1", ArticleStatus.Verdict.REJECTED, "clean", null, NOW)));
    }

    @Test
    void storyEventsRoundTripAndMatchSchema() throws Exception {
        assertAgreement(MessageCodec.STORY_EVENT, added(), "story-event.v1.json");
        assertAgreement(MessageCodec.STORY_EVENT, merged(), "story-event.v1.json");
    }

    @Test
    void consumersIgnoreFieldsAddedWithinAVersion() {
        String json = new String(MessageCodec.CLEAN_ARTICLE.encode(clean()), StandardCharsets.UTF_8);
        String extended = json.replaceFirst("\\{", "{\"someFutureField\":42,");
        assertEquals(clean(), MessageCodec.CLEAN_ARTICLE.decode(extended.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void consumersRefuseAnotherSchemaVersion() {
        String json = new String(MessageCodec.RAW_ARTICLE.encode(raw()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        ContractViolation e = assertThrows(ContractViolation.class,
                () -> MessageCodec.RAW_ARTICLE.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
    }

    @Test
    void consumersRefuseBrokenOrIncompleteMessages() {
        assertThrows(ContractViolation.class, () -> MessageCodec.RAW_ARTICLE.decode("{not json".getBytes()));
        assertThrows(ContractViolation.class, () -> MessageCodec.RAW_ARTICLE.decode(new byte[0]));
        assertThrows(ContractViolation.class,
                () -> MessageCodec.RAW_ARTICLE.decode("{\"schemaVersion\":1,\"id\":\"x\"}".getBytes()));
        assertThrows(ContractViolation.class, () -> MessageCodec.STORY_EVENT.decode(
                "{\"schemaVersion\":1,\"eventId\":\"e\",\"storyId\":\"s\"}".getBytes()));
    }

    @Test
    void producersRefuseToWriteInvalidMessages() {
        RawArticle both = new RawArticle(1, "a1", null, null, null, null, null, null, null, "<p>x</p>", "x", null, NOW);
        assertThrows(ContractViolation.class, () -> MessageCodec.RAW_ARTICLE.encode(both));
        RawArticle nothing = new RawArticle(1, "a1", null, null, null, null, " ", null, null, null, null, null, NOW);
        assertThrows(ContractViolation.class, () -> MessageCodec.RAW_ARTICLE.encode(nothing));
    }

    private static <T extends Versioned> void assertAgreement(MessageCodec<T> codec, T message, String schemaFile)
            throws Exception {
        byte[] wire = codec.encode(message);
        JsonSchema schema;
        try (InputStream in = MessageCodec.class.getResourceAsStream("/schemas/" + schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode node = JSON.readTree(wire);
        Set<ValidationMessage> problems = schema.validate(node);
        assertTrue(problems.isEmpty(), () -> schemaFile + " rejects what the producer writes: " + problems);
        assertEquals(message, codec.decode(wire), "the consumer reads back what the producer wrote");
        // Every field the schema declares is one the record knows, and the other way round.
        Set<String> declared = iterableToSet(schema.getSchemaNode().get("properties").fieldNames());
        Set<String> recordFields = new java.util.TreeSet<>();
        for (var c : codec.type().getRecordComponents()) {
            recordFields.add(c.getName());
        }
        assertEquals(recordFields, new java.util.TreeSet<>(declared), "record and " + schemaFile + " name the same fields");
    }

    private static Set<String> iterableToSet(java.util.Iterator<String> it) {
        Set<String> set = new java.util.TreeSet<>();
        it.forEachRemaining(set::add);
        return set;
    }
}
