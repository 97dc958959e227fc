package dev.storyline.clean.pipeline;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.Briefs;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.LanguageGuesser;
import dev.storyline.clean.extract.RawInput;
import dev.storyline.contracts.CleanArticle;
import dev.storyline.contracts.RawArticle;
import dev.storyline.contracts.Usable;

/**
 * Wires the plain-Java extractor into the service and maps messages to and from it. What the caller said about
 * the item (its title and publication date) wins over what the cleaner infers from the content: they come from
 * the source's own metadata, and clustering weighs both.
 */
@ApplicationScoped
public class CleaningService {

    /** The outcome for one raw article: an article, or why there is none. */
    public record Verdict(CleanArticle article, String rejection) {
    }

    @Inject
    ArticleExtractor extractor;

    @Inject
    LanguageGuesser languages;

    private final Briefs briefs;

    public CleaningService(@ConfigProperty(name = "storyline.clean.brief-max-chars") int briefMaxChars) {
        this.briefs = new Briefs(briefMaxChars);
    }

    public Extraction extract(RawInput input) {
        return extractor.extract(input);
    }

    public Verdict clean(RawArticle raw) {
        boolean isHtml = raw.html() != null;
        String content = isHtml ? raw.html() : raw.text() == null ? "" : raw.text();
        RawInput input = new RawInput(content, raw.title(), raw.url(), raw.published(), raw.language());
        Extraction e = content.isBlank() ? Extraction.empty("the item has no content, only a title", java.util.List.of())
                : extractor.extract(input);
        String title = Usable.text(raw.title()) ? raw.title().strip() : e.title();
        Briefs.Article article = briefs.of(title, e, input, isHtml);
        if (article == null) {
            return new Verdict(null, "no usable title or text (a usable one holds at least "
                    + Usable.MIN_WORD_CHARACTERS + " letters or digits): " + e.reason());
        }
        String published = raw.published() != null ? raw.published() : e.published();
        String language = e.language() != null ? e.language() : raw.language();
        if (language == null) {
            language = languages.guess((article.title() == null ? "" : article.title() + "\n\n")
                    + String.join("\n\n", article.paragraphs()));
        }
        return new Verdict(new CleanArticle(CleanArticle.SCHEMA_VERSION, raw.id(), raw.externalId(), raw.url(),
                e.canonicalUrl() != null ? e.canonicalUrl() : raw.canonicalUrl(), raw.source(), article.title(),
                e.bylines(), published, e.siteName(), language,
                e.description(), article.paragraphs(), String.join("\n\n", article.paragraphs()), raw.receivedAt(),
                Instant.now(), article.brief(), e.dropped()), null);
    }
}
