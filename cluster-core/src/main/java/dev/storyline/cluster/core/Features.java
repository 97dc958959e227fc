package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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
    /** The days (epoch days) the article mentions by date, resolved against its publication day; how many. */
    long[] mentionedDays = new long[16];
    int mentionedCount;
    /** The months (the epoch day of their first day) the article mentions without a day; how many. */
    long[] mentionedMonths = new long[16];
    int mentionedMonthCount;
    /**
     * By function-word id: the month (1-12) a month word names, or the weekday (1-7, Monday first); negative for an
     * abbreviation.
     */
    private int[] calendarOf = new int[64];
    /**
     * The month a capitalised month word just read names (0 when the last word was no month), and whether that word
     * was the month's full name inside a sentence: followed by no day, it still names a month ("in June").
     */
    private int pendingMonth;
    private boolean pendingFullMonth;
    /** The article's publication day (null: none), and as an epoch day ({@link Long#MIN_VALUE}: none). */
    private LocalDate publishedDate;
    private long published;
    /** The ages (1-99) the article gives ("a 23-year-old", "Jane Doe, 23,", "aged 23"), as bit sets: 1-63, 64-99. */
    long agesLow;
    long agesHigh;
    /** Those of them the title gives: the ages of whom the report is about. */
    long titleAgesLow;
    long titleAgesHigh;
    private boolean afterAgeWord;
    /** The phrases that make the number before them an age, word by word ({@code age-after}). */
    private final String[][] ageAfter;

    Features(Vocabulary vocabulary, Settings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
        for (String w : NOT_NAMES) {
            functionWords.flag(functionWords.intern(w), Vocabulary.NOT_A_NAME);
        }
        for (String w : STOP_WORDS) {
            functionWords.flag(functionWords.intern(w), Vocabulary.STOP_WORD);
        }
        calendarWords(settings.months(), 12, Vocabulary.MONTH);
        calendarWords(settings.weekdays(), 7, Vocabulary.WEEKDAY);
        for (String w : settings.ageBefore().split("\\s+")) {
            functionWords.flag(functionWords.intern(w.toLowerCase(Locale.ROOT)), Vocabulary.AGE_WORD);
        }
        String[] phrases = settings.ageAfter().split(",");
        ageAfter = new String[phrases.length][];
        for (int k = 0; k < phrases.length; k++) {
            ageAfter[k] = phrases[k].strip().split("\\s+");
        }
    }

    /** Flags the names of the months (or weekdays), and records which one (from 1) each names. */
    private void calendarWords(String names, int count, byte flag) {
        String[] entries = names.split(",");
        if (entries.length != count) {
            throw new IllegalArgumentException("expected " + count + " comma-separated entries in " + names);
        }
        for (int m = 0; m < count; m++) {
            String[] forms = entries[m].strip().split("\\s+");
            for (int f = 0; f < forms.length; f++) {
                int id = functionWords.intern(forms[f].toLowerCase(Locale.ROOT));
                functionWords.flag(id, flag);
                if (id >= calendarOf.length) {
                    calendarOf = Arrays.copyOf(calendarOf, 2 * id);
                }
                calendarOf[id] = f == 0 ? m + 1 : -(m + 1);
            }
        }
    }

    /** Reads the article into {@link #all} and {@link #title}, clearing what they held. */
    void read(ClusterInput a) {
        all.clear();
        title.clear();
        textWordCount = 0;
        mentionedCount = 0;
        mentionedMonthCount = 0;
        agesLow = 0;
        agesHigh = 0;
        titleAgesLow = 0;
        titleAgesHigh = 0;
        publishedDate = a.published();
        published = publishedDate == null ? Long.MIN_VALUE : publishedDate.toEpochDay();
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
        pendingMonth = 0;
        afterAgeWord = false;
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
            boolean ageWord = afterAgeWord;
            afterAgeWord = (flags & Vocabulary.AGE_WORD) != 0;
            if (pendingMonth > 0) {
                boolean day = Character.isDigit(word[0]) && mentionedDay(pendingMonth, length, text, end, n);
                if (!day && pendingFullMonth) {
                    mentionedMonth(pendingMonth, end - start == 4 ? yearAt(text, start, n) : 0);
                }
            }
            boolean month = capitalised && (flags & Vocabulary.MONTH) != 0;
            pendingMonth = month ? Math.abs(calendarOf[functionWord]) : 0;
            pendingFullMonth = month && calendarOf[functionWord] > 0 && !sentenceStart;
            if (capitalised && (flags & Vocabulary.WEEKDAY) != 0 && publishedDate != null) {
                // the latest such weekday not after the publication day
                int weekday = Math.abs(calendarOf[functionWord]);
                mention(published - Math.floorMod(publishedDate.getDayOfWeek().getValue() - weekday, 7));
            }
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
                int age = length == 1 || Character.isDigit(word[1]) ? number(length) : 0;
                if (age > 0 && (ageWord || isAge(text, start, end, n))) {
                    if (age < 64) {
                        agesLow |= 1L << age;
                        titleAgesLow |= titleWeight > 0 ? 1L << age : 0;
                    } else {
                        agesHigh |= 1L << (age - 64);
                        titleAgesHigh |= titleWeight > 0 ? 1L << (age - 64) : 0;
                    }
                }
                term[0] = '=';
                System.arraycopy(word, 0, term, 1, length);
                count(term, length + 1, weight, titleWeight, false);
            } else if (length >= 3 && (flags & Vocabulary.STOP_WORD) == 0) {
                add(vocabulary.intern(word, length, lowerHash, (byte) 0), weight, titleWeight);
            }
            sentenceStart = false;
            previousLength = -1;
        }
        if (pendingMonth > 0 && pendingFullMonth) {
            mentionedMonth(pendingMonth, 0);
        }
    }

    /** The number {@link #word} spells (its first length characters, all digits). */
    private int number(int length) {
        int v = 0;
        for (int k = 0; k < length; k++) {
            v = 10 * v + word[k] - '0';
        }
        return v;
    }

    /**
     * Whether the number text[start, end) (not after an age-before word) is an age: followed by an age-after phrase
     * ("23-year-old", "23 years old"), or set off by commas after a word ("Jane Doe, 23," or "girl, 3" at the end).
     */
    private boolean isAge(String text, int start, int end, int n) {
        for (String[] phrase : ageAfter) {
            int at = end;
            for (String w : phrase) {
                boolean joined = at < n && (text.charAt(at) == ' ' || text.charAt(at) == '-');
                if (!joined || !text.regionMatches(true, at + 1, w, 0, w.length())) {
                    at = -1;
                    break;
                }
                at += 1 + w.length();
            }
            if (at >= 0 && (at == n || !Character.isLetterOrDigit(text.charAt(at)))) {
                return true;
            }
        }
        if (start >= 3 && text.charAt(start - 1) == ' ' && text.charAt(start - 2) == ','
                && Character.isLetter(text.charAt(start - 3))) {
            return end == n || text.charAt(end) == ',' || text.charAt(end) == ')' || text.charAt(end) == ';';
        }
        return false;
    }

    /**
     * The word just read (in {@link #word}, ending at text[end]) follows a month: when it is a day (1-31, perhaps
     * "12th") and the article has a publication day, records the day it names. A year may follow ("Feb. 17, 2016");
     * without one, the date is the latest not after the publication day (and a day after it, for time zones).
     * Whether the word has the form of a day.
     */
    private boolean mentionedDay(int month, int length, String text, int end, int n) {
        int day = word[0] - '0';
        int k = 1;
        if (k < length && Character.isDigit(word[k])) {
            day = 10 * day + word[k++] - '0';
        }
        boolean ordinal = k + 2 == length && (word[k] == 's' && word[k + 1] == 't'
                || word[k] == 'n' && word[k + 1] == 'd' || word[k] == 'r' && word[k + 1] == 'd'
                || word[k] == 't' && word[k + 1] == 'h');
        if (k != length && !ordinal) {
            return false;
        }
        if (day < 1 || day > 31 || published == Long.MIN_VALUE) {
            return true;
        }
        int at = end;
        while (at < n && at < end + 3 && (text.charAt(at) == ',' || text.charAt(at) == ' ')) {
            at++;
        }
        int year = yearAt(text, at, n);
        long days;
        if (year != 0) {
            days = epochDay(year, month, day);
        } else {
            int y = publishedDate.getYear();
            days = epochDay(y, month, day);
            if (days > published + 1) {
                days = epochDay(y - 1, month, day);
            }
        }
        if (days != Long.MIN_VALUE) {
            mention(days);
        }
        return true;
    }

    /**
     * A month named without a day: in the given year ("June 2015"; 0: none), else the latest such month not after
     * the publication day.
     */
    private void mentionedMonth(int month, int year) {
        if (publishedDate == null) {
            return;
        }
        if (year == 0) {
            year = month > publishedDate.getMonthValue() ? publishedDate.getYear() - 1 : publishedDate.getYear();
        }
        if (mentionedMonthCount == mentionedMonths.length) {
            mentionedMonths = Arrays.copyOf(mentionedMonths, 2 * mentionedMonthCount);
        }
        mentionedMonths[mentionedMonthCount++] = LocalDate.of(year, month, 1).toEpochDay();
    }

    /** The year (1900-2100) that text[at, at + 4) spells when no letter or digit follows it; else 0. */
    private static int yearAt(String text, int at, int n) {
        if (at + 4 > n || (at + 4 < n && Character.isLetterOrDigit(text.charAt(at + 4)))) {
            return 0;
        }
        int year = 0;
        for (int j = at; j < at + 4; j++) {
            char c = text.charAt(j);
            if (c < '0' || c > '9') {
                return 0;
            }
            year = 10 * year + c - '0';
        }
        return year >= 1900 && year <= 2100 ? year : 0;
    }

    private void mention(long days) {
        if (mentionedCount == mentionedDays.length) {
            mentionedDays = Arrays.copyOf(mentionedDays, 2 * mentionedCount);
        }
        mentionedDays[mentionedCount++] = days;
    }

    /** The epoch day of the date, or Long.MIN_VALUE when there is no such date (February 30th). */
    private static long epochDay(int year, int month, int day) {
        return day > Month.of(month).length(Year.isLeap(year)) ? Long.MIN_VALUE
                : LocalDate.of(year, month, day).toEpochDay();
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
