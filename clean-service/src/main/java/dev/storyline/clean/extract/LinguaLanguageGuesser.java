package dev.storyline.clean.extract;

import java.util.Locale;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/** lingua, restricted to the languages we expect in news, in low-accuracy mode to keep memory modest. */
public final class LinguaLanguageGuesser implements LanguageGuesser {

    /** Enough text for a confident guess; more only costs time. */
    private static final int SAMPLE_CHARS = 400;
    private final LanguageDetector detector;

    public LinguaLanguageGuesser() {
        detector = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.GERMAN, Language.FRENCH,
                        Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH, Language.RUSSIAN,
                        Language.UKRAINIAN, Language.POLISH, Language.INDONESIAN, Language.JAPANESE, Language.CHINESE,
                        Language.ARABIC, Language.TURKISH, Language.KOREAN, Language.HINDI)
                .withLowAccuracyMode()
                .build();
    }

    @Override
    public String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Language language = detector.detectLanguageOf(text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
