package dev.storyline.cluster.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class FeaturesTest {

    private final Vocabulary vocabulary = new Vocabulary();
    private final Features features = new Features(vocabulary, Settings.defaults());

    private Map<String, Double> terms(TermCounts counts) {
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < counts.size(); i++) {
            out.put(vocabulary.term(counts.id(i)), counts.weight(i));
        }
        return out;
    }

    @Test
    void wordsNumbersNamesAndNameRunsBecomeTerms() {
        features.read(new ClusterInput("a", "", "A gunman shot 3 people in Oak Cliff on Tuesday. Police said Jamal "
                + "Grynkewich's car was found.", null, 0));
        Map<String, Double> t = terms(features.all);
        double lead = Settings.defaults().leadWeight();
        double name = lead * Settings.defaults().nameWeight();
        assertEquals(lead, t.get("gunman"));
        assertEquals(lead, t.get("=3"), "a short number");
        assertEquals(name, t.get("#klf"), "Cliff (Oak opens no sentence: it is a name too)");
        assertEquals(name, t.get("#ok"));
        assertEquals(name, t.get("##ok_klf"), "a run of two names");
        assertEquals(name, t.get("#grnkvkh"), "the possessive is dropped");
        assertEquals(name, t.get("##iml_grnkvkh"));
        assertFalse(t.containsKey("said"), "a function word");
        assertFalse(t.containsKey("#tsd"), "a weekday is not a name");
        assertFalse(t.containsKey("#plc"), "police is a word, even capitalised");
        assertTrue(t.containsKey("police"));
        assertFalse(t.containsKey("#gnmn"), "the first word of a sentence is not taken for a name");
    }

    @Test
    void theTitleCountsTwiceInAllAndAloneInTheTitleVector() {
        features.read(new ClusterInput("a", "Shooting in Dallas", "Body text.", null, 0));
        assertEquals(Settings.defaults().titleWeight(), terms(features.all).get("shooting"));
        assertEquals(Map.of("shooting", 1.0, "#dls", Settings.defaults().nameWeight()), terms(features.title));
        features.read(new ClusterInput("b", "Other", "Text.", null, 0));
        assertFalse(terms(features.all).containsKey("shooting"), "each article starts afresh");
    }

    @Test
    void transliterationsShareOneTermId() {
        features.read(new ClusterInput("a", "", "Then Zelensky met Grinkevich and Caine.", null, 0));
        Map<String, Double> first = terms(features.all);
        features.read(new ClusterInput("b", "", "Then Zelenskyy met Grynkewich and Kane.", null, 0));
        assertEquals(first.keySet(), terms(features.all).keySet());
    }

    @Test
    void veryLongWordsAndNamesGrowTheBuffers() {
        String longName = "B" + "r".repeat(80);
        String longer = "K" + "l".repeat(150);
        String text = "Then " + longName + " " + longer + " met " + "x".repeat(300) + ".";
        features.read(new ClusterInput("a", "", text, null, 0));
        Map<String, Double> t = terms(features.all);
        assertTrue(t.containsKey("##br_kl"), t.keySet().toString());
        assertTrue(t.containsKey("x".repeat(300)));
    }

    @Test
    void theBufferedNameKeyIsTheStringKey() {
        char[] out = new char[64];
        for (String name : new String[] { "Grynkewich", "Zelenskyy", "Philadelphia", "O'Brien", "McQueen", "Xavier",
                "Jiménez", "Dragone", "AAA", "Ph", "Łódź" }) {
            int n = NameKeys.key(name, 0, name.length(), out);
            assertEquals(NameKeys.key(name), new String(out, 0, n), name);
        }
    }

    @Test
    void theVocabularyGivesEachTermOneIdAndFindsItFromABuffer() {
        Vocabulary v = new Vocabulary();
        int[] ids = new int[5000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = v.intern("term" + i);
        }
        for (int i = 0; i < ids.length; i++) {
            char[] chars = ("term" + i).toCharArray();
            assertEquals(ids[i], v.find(Vocabulary.hash(chars, chars.length)));
            assertEquals("term" + i, v.term(ids[i]));
        }
        char[] missing = "absent".toCharArray();
        assertEquals(-1, v.find(Vocabulary.hash(missing, missing.length)));
    }

    private List<LocalDate> mentioned(String text, LocalDate published) {
        features.read(new ClusterInput("a", "", text, published, 0));
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < features.mentionedCount; i++) {
            out.add(LocalDate.ofEpochDay(features.mentionedDays[i]));
        }
        return out;
    }

    @Test
    void datesTheTextMentionsAreResolvedAgainstThePublicationDay() {
        LocalDate published = LocalDate.of(2017, 1, 31); // a Tuesday
        // with a year; an abbreviation with a full stop; an ordinal; a date later in the year is last year's
        assertEquals(List.of(LocalDate.of(2016, 9, 12), LocalDate.of(2017, 1, 2), LocalDate.of(2017, 1, 30),
                LocalDate.of(2016, 12, 24)),
                mentioned("She was shot on Sep. 12, 2016 at home. A hearing was held Jan. 2 and on January 30th. "
                        + "The family last saw her on December 24.", published));
        // weekdays: the latest such day not after publication (the same day when it is that weekday)
        assertEquals(List.of(LocalDate.of(2017, 1, 28), LocalDate.of(2017, 1, 31), LocalDate.of(2017, 1, 25)),
                mentioned("Police said the shooting happened Saturday. An arrest came Tuesday after a tip on Wed.",
                        published));
        // not dates: a lower-case month word, a day out of range, February 30th, a month without a day
        assertEquals(List.of(), mentioned("They may 5 times march 3 miles. It was May 32 or February 30, "
                + "in March 2015.", published));
        // without a publication day nothing can be resolved
        assertEquals(List.of(), mentioned("She was shot on Sept. 12, 2016 on a Monday.", null));
    }

    @Test
    void monthsNamedWithoutADayAreKeptApart() {
        LocalDate published = LocalDate.of(2017, 1, 31);
        List<LocalDate> days = mentioned("The killings in June shocked the town. The trial of June 2015 ended. "
                + "Since January the case stalled; charges came Jan. 9. May it end soon, said a Jan Kowalski. "
                + "It began in December", published);
        assertEquals(List.of(LocalDate.of(2017, 1, 9)), days);
        List<LocalDate> months = new ArrayList<>();
        for (int i = 0; i < features.mentionedMonthCount; i++) {
            months.add(LocalDate.ofEpochDay(features.mentionedMonths[i]));
        }
        // a later month than publication is last year's; a year may follow; abbreviations and a month word opening
        // a sentence name no month on their own
        assertEquals(List.of(LocalDate.of(2016, 6, 1), LocalDate.of(2015, 6, 1), LocalDate.of(2017, 1, 1),
                LocalDate.of(2016, 12, 1)), months);
    }

    /** The ages a pair of bit sets (ages 0-63, 64-127) holds. */
    private static List<Integer> ages(long low, long high) {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < 128; a++) {
            if (((a < 64 ? low >>> a : high >>> (a - 64)) & 1) != 0) {
                out.add(a);
            }
        }
        return out;
    }

    private List<Integer> ages() {
        return ages(features.agesLow, features.agesHigh);
    }

    @Test
    void agesAreToldFromOtherNumbers() {
        features.read(new ClusterInput("a", "Detroit girl, 3, shot; man, 70, held", "Jane Doe, 23, and a 5-year-old "
                + "were hit. Two 15-year-olds, a man 40 years old and one aged 61 ran. Police said 4 people were shot "
                + "at 3 p.m. on Sept. 12, 2016, on 10 Mile Road; 2 dead, 12 hurt.", LocalDate.of(2016, 9, 13), 0));
        assertEquals(List.of(3, 5, 15, 23, 40, 61, 70), ages());
        assertEquals(List.of(3, 70), ages(features.titleAgesLow, features.titleAgesHigh), "the title's");
        features.read(new ClusterInput("b", "4 shot", "Counts: 4 shot, 3 hurt, on May 5, 21 of them in cars.",
                LocalDate.of(2016, 9, 13), 0));
        assertEquals(List.of(), ages(), "each article starts afresh; counts and days are no ages");
    }
}
