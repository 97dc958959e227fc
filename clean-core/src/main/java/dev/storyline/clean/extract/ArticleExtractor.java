package dev.storyline.clean.extract;

/** Turns one raw item into an article. Implementations are plain Java, thread-safe and free of any framework. */
public interface ArticleExtractor {
    Extraction extract(RawInput input);
}
