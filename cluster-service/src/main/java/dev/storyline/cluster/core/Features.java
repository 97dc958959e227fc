package dev.storyline.cluster.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an article's terms, weighted by where they occur: words (lower-cased, no function words), short numbers
 * such as ages and counts ({@code =} + digits), proper names as spelling-tolerant keys ({@code #} +
 * {@link NameKeys}) and runs of two names such as a person's full name or a street ({@code ##} + both keys). The
 * title and the lead count more than the rest, and names more than words, because they are what survives rewording
 * and translation. Terms go straight from a character buffer to {@link Vocabulary} ids: no string per word. One
 * instance per index, reused for every article (single writer).
 */
final class Features {

    /** Capitalised words that are not names of people or places. */
    private static final String[] NOT_NAMES = { "the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
            "his", "her", "their", "this", "that", "these", "those", "there", "in", "on", "at", "for", "but", "and",
            "or", "if", "when", "after", "before", "as", "by", "with", "from", "of", "to", "mr", "mrs", "ms", "dr",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "according", "police", "officials", "authorities", "update", "updated", "photo", "video", "read", "click",
            "copyright", "associated", "press", "ap", "reuters", "news", "advertisement" };

    /** The commonest function words: never terms. */
    private static final String[] STOP_WORDS = { "the", "and", "for", "that", "with", "was", "were", "are", "has",
            "have", "had", "from", "this", "which", "their", "they", "his", "her", "she", "its", "but", "not", "been",
            "will", "would", "said", "say", "says", "who", "about", "after", "over", "than", "also", "into", "more",
            "one", "two", "out", "when", "what", "there", "our", "can", "could", "all", "new", "other", "some",
            "them" };

    private final Vocabulary vocabulary;
    /** The few words above with their flags: a small table apart, looked up for every word, stays in cache. */
    private final Vocabulary functionWords = new Vocabulary();
    private final Settings settings;
    /** The article's terms: all of them (title and lead weighted up), and the title's alone. */
    final TermCounts all = new TermCounts();
    final TermCounts title = new TermCounts();
    private char[] word = new char[64];
    /** Room for a run of two names: two keys of up to a word's length, "##" and "_". */
    private char[] term = new char[2 * 64 + 3];
    private char[] key = new char[64];
    private char[] previousName = new char[64];
    private int previousLength = -1;
    private long wordHash;
    /** The hash of each word of the text (not the title) in order, for copy detection; how many. */
    long[] textWords = new long[256];
    int textWordCount;

    Features(Vocabulary vocabulary, Settings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
        for (String w : NOT_NAMES) {
            functionWords.flag(functionWords.intern(w), Vocabulary.NOT_A_NAME);
        }
        for (String w : STOP_WORDS) {
            functionWords.flag(functionWords.intern(w), Vocabulary.STOP_WORD);
        }
    }

    /** Reads the article into {@link #all} and {@link #title}, clearing what they held. */
    void read(ClusterInput a) {
        all.clear();
        title.clear();
        textWordCount = 0;
        add(a.title(), settings.titleWeight(), 1);
        String text = a.text() == null ? "" : a.text();
        int leadEnd = Math.min(text.length(), settings.leadChars());
        add(text, 0, leadEnd, settings.leadWeight(), 0);
        add(text, leadEnd, text.length(), 1, 0);
    }

    private void add(String text, double weight, double titleWeight) {
        if (text != null) {
            add(text, 0, text.length(), weight, titleWeight);
        }
    }

    /** Adds the terms of text[from, to) with the given weight to {@link #all}, and with titleWeight to the title. */
    private void add(String text, int from, int n, double weight, double titleWeight) {
        int i = from;
        boolean sentenceStart = true;
        previousLength = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c != ' ' && c != '-' && c != '.') {
                    previousLength = -1;
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == '“' || c == ':') {
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            // one pass finds the word's end and, while it is ASCII, lower-cases it into `word` and hashes it
            int start = i;
            boolean ascii = true;
            int length = 0;
            long h = Vocabulary.start();
            long beforeLast = h;
            long beforeTwo = h;
            while (i < n) {
                char ch = text.charAt(i);
                if (!(Character.isLetterOrDigit(ch)
                        || (ch == '\'' && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                    break;
                }
                if (ch >= 0x80) {
                    ascii = false;
                } else if (ascii) {
                    ch = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
                    if (length == word.length) {
                        ensureWord(2 * length);
                    }
                    word[length++] = ch;
                    beforeTwo = beforeLast;
                    beforeLast = h;
                    h = Vocabulary.step(h, ch);
                }
                i++;
            }
            int end = i;
            boolean possessive = end - start >= 2 && text.charAt(end - 2) == '\''
                    && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S');
            if (possessive) {
                end -= 2;
            }
            long lowerHash;
            if (ascii) {
                if (possessive) {
                    length -= 2;
                    h = beforeTwo;
                }
                lowerHash = Vocabulary.finish(h);
            } else {
                length = lowerCase(text, start, end);
                lowerHash = wordHash;
            }
            if (titleWeight == 0) {
                if (textWordCount == textWords.length) {
                    textWords = Arrays.copyOf(textWords, 2 * textWordCount);
                }
                textWords[textWordCount++] = lowerHash;
            }
            int functionWord = functionWords.find(lowerHash);
            byte flags = functionWord < 0 ? 0 : functionWords.flags(functionWord);
            boolean capitalised = Character.isUpperCase(text.charAt(start));
            if (capitalised && !sentenceStart && length >= 2 && (flags & Vocabulary.NOT_A_NAME) == 0) {
                int keyLength = NameKeys.key(text, start, end, key);
                if (keyLength >= 2) {
                    double w = weight * settings.nameWeight();
                    double tw = titleWeight * settings.nameWeight();
                    term[0] = '#';
                    System.arraycopy(key, 0, term, 1, keyLength);
                    count(term, keyLength + 1, w, tw, true);
                    if (previousLength >= 0) {
                        term[1] = '#';
                        System.arraycopy(previousName, 0, term, 2, previousLength);
                        term[previousLength + 2] = '_';
                        System.arraycopy(key, 0, term, previousLength + 3, keyLength);
                        count(term, previousLength + keyLength + 3, w, tw, true);
                    }
                    char[] swap = previousName;
                    previousName = key;
                    key = swap;
                    previousLength = keyLength;
                    sentenceStart = false;
                    continue;
                }
            } else if (Character.isDigit(word[0]) && length < 3) {
                term[0] = '=';
                System.arraycopy(word, 0, term, 1, length);
                count(term, length + 1, weight, titleWeight, false);
            } else if (length >= 3 && (flags & Vocabulary.STOP_WORD) == 0) {
                add(vocabulary.intern(word, length, lowerHash, (byte) 0), weight, titleWeight);
            }
            sentenceStart = false;
            previousLength = -1;
        }
    }

    /** text[start, end), not all ASCII, lower-cased into {@link #word}, its hash into {@link #wordHash}; its length. */
    private int lowerCase(String text, int start, int end) {
        String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
        int length = lower.length();
        ensureWord(length);
        lower.getChars(0, length, word, 0);
        wordHash = Vocabulary.hash(word, length);
        return length;
    }

    /** Room for words of the length (keeping what {@link #word} and the previous name hold). */
    private void ensureWord(int length) {
        if (length > word.length) {
            word = Arrays.copyOf(word, length);
            key = new char[length];
            term = new char[2 * length + 3];
            previousName = Arrays.copyOf(previousName, length);
        }
    }

    private void count(char[] chars, int length, double weight, double titleWeight, boolean name) {
        int id = vocabulary.intern(chars, length, Vocabulary.hash(chars, length), name ? Vocabulary.NAME : (byte) 0);
        add(id, weight, titleWeight);
    }

    private void add(int id, double weight, double titleWeight) {
        all.add(id, weight);
        if (titleWeight > 0) {
            title.add(id, titleWeight);
        }
    }
}
