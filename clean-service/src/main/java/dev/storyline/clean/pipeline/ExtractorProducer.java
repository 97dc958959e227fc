package dev.storyline.clean.pipeline;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.storyline.clean.extract.ArticleExtractor;
import dev.storyline.clean.extract.FurniturePatterns;
import dev.storyline.clean.extract.JsoupExtractor;
import dev.storyline.clean.extract.LanguageGuesser;
import dev.storyline.clean.extract.LinguaLanguageGuesser;

/** Chooses the extractor implementation; the only place that names it. */
public class ExtractorProducer {

    @Produces
    @Singleton
    ArticleExtractor extractor(@ConfigProperty(name = "storyline.clean.budget-ms") long budgetMillis,
            LanguageGuesser languages) {
        return new JsoupExtractor(FurniturePatterns.load(), languages, budgetMillis);
    }

    @Produces
    @Singleton
    LanguageGuesser languages(@ConfigProperty(name = "storyline.clean.language-sample-chars") int sampleChars) {
        return new LinguaLanguageGuesser(sampleChars);
    }
}
