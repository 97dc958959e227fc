package dev.storyline.clean.pipeline;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.RawArticle;

/** Wires the plain-Java extractor into the service and maps messages to and from it. */
@ApplicationScoped
public class CleaningService {

    @Inject
    ArticleExtractor extractor;

    public Extraction extract(RawInput input) {
        return extractor.extract(input);
    }

    /** @throws IllegalArgumentException when the item holds no article, with the extractor's reason */
    public CleanArticle clean(RawArticle raw) {
        String content = raw.html() != null ? raw.html() : raw.text();
        Extraction e = extractor.extract(new RawInput(content, raw.title(), raw.url(), raw.published(), raw.language()));
        if (e.paragraphs().isEmpty()) {
            // Goes to the dead-letter topic with this reason; nothing empty travels downstream.
            throw new IllegalArgumentException("no article text in " + raw.id() + ": " + e.reason());
        }
        return new CleanArticle(CleanArticle.SCHEMA_VERSION, raw.id(), raw.externalId(), raw.url(),
                e.canonicalUrl() != null ? e.canonicalUrl() : raw.canonicalUrl(), raw.source(),
                e.title() != null ? e.title() : raw.title(), e.bylines(), e.published(), e.siteName(), e.language(),
                e.description(), e.paragraphs(), e.text(), raw.receivedAt(), Instant.now());
    }
}
