package dev.storyline.cluster.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.storyline.cluster.core.ClusterInput;
import dev.storyline.cluster.core.Decision;
import dev.storyline.cluster.core.Settings;
import dev.storyline.cluster.core.StoryIndex;

class StoryIndexTest {

    private static final LocalDate DAY = LocalDate.of(2025, 8, 20);
    private static final String QUAKE = "A magnitude 6.1 earthquake struck near the coastal town of Ferndale on Tuesday, "
            + "damaging bridges and cutting power to thousands of homes across Humboldt County, officials said.";
    private static final String ELECTION = "Voters in the city of Riverton elected a new mayor on Sunday after a "
            + "campaign dominated by housing costs and the future of the downtown tram line.";

    private static ClusterInput article(String id, String title, String text, LocalDate day, long arrival) {
        return new ClusterInput(id, title, text, day, arrival);
    }

    @Test
    void sameEventJoinsAStoryAndAnotherEventStartsOne() {
        StoryIndex c = new StoryIndex(Settings.defaults());
        Decision a = c.assign(article("a", "Earthquake hits Ferndale", QUAKE, DAY, 0));
        Decision b = c.assign(article("b", "Ferndale earthquake damages bridges",
                "Bridges were damaged and thousands of homes lost power after an earthquake struck Ferndale in "
                        + "Humboldt County on Tuesday.", DAY, 1));
        Decision e = c.assign(article("e", "Riverton elects mayor", ELECTION, DAY, 2));
        assertTrue(a.newStory());
        assertFalse(b.newStory());
        assertEquals(a.storyId(), b.storyId());
        assertTrue(e.newStory());
        assertNotEquals(a.storyId(), e.storyId());
        assertNull(b.nearDuplicateOf(), "a rewrite is not a copy");
    }

    @Test
    void wireCopyIsMarkedAsNearDuplicateOfTheEarliestCopy() {
        StoryIndex c = new StoryIndex(Settings.defaults());
        c.assign(article("late", "Quake", QUAKE, DAY.plusDays(1), 0));
        c.assign(article("early", "Quake", QUAKE + " More later.", DAY, 1));
        Decision third = c.assign(article("third", "Quake", QUAKE, DAY.plusDays(1), 2));
        assertEquals("early", third.nearDuplicateOf(), "earliest by publication time, not by arrival");
    }

    @Test
    void publicationTimeWindowKeepsDistantEventsApart() {
        StoryIndex c = new StoryIndex(Settings.defaults());
        Decision first = c.assign(article("a", "Earthquake hits Ferndale", QUAKE, DAY, 0));
        Decision decade = c.assign(article("b", "Earthquake hits Ferndale", QUAKE, DAY.plusYears(10), 1));
        assertNotEquals(first.storyId(), decade.storyId(), "beyond the window");
        Decision followUp = c.assign(article("c", "Earthquake hits Ferndale", QUAKE, DAY.plusMonths(6), 2));
        assertEquals(first.storyId(), followUp.storyId(), "a follow-up months later still joins on strong evidence");
    }

    @Test
    void restoringDecisionsGivesTheSameNextDecision() {
        StoryIndex live = new StoryIndex(Settings.defaults());
        Decision a = live.assign(article("a", "Earthquake hits Ferndale", QUAKE, DAY, 0));
        Decision e = live.assign(article("e", "Riverton elects mayor", ELECTION, DAY, 1));
        StoryIndex restored = new StoryIndex(Settings.defaults());
        restored.restore(article("a", "Earthquake hits Ferndale", QUAKE, DAY, 0), a.storyId(), a.merged());
        restored.restore(article("e", "Riverton elects mayor", ELECTION, DAY, 1), e.storyId(), e.merged());
        ClusterInput next = article("n", "Riverton mayor elected", ELECTION.replace("Sunday", "Sunday night"), DAY, 2);
        assertEquals(live.assign(next), restored.assign(next));
    }
}
