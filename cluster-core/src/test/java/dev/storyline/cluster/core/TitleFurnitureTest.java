package dev.storyline.cluster.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleFurnitureTest {

    private static ClusterInput titled(String title) {
        return new ClusterInput("x", title, "text", null, 0);
    }

    @Test
    void aHeadlinePartThatEarlierHeadlinesRepeatIsLeftOut() {
        TitleFurniture f = new TitleFurniture(2);
        String site = " - KSLA News 12 Shreveport, Louisiana News Weather & Sports";
        assertEquals("Victim identified" + site, f.strip(titled("Victim identified" + site)).title());
        assertEquals("Shooting wounds 2" + site, f.strip(titled("Shooting wounds 2" + site)).title());
        assertEquals("Arrest made in Shreveport shooting", f.strip(titled("Arrest made in Shreveport shooting" + site)).title());
        assertEquals("Police: 'Sheer brutality' as 3 officers slain", f.strip(titled("Police: 'Sheer brutality' as 3 officers slain")).title(),
                "a headline without parts is untouched");
    }

    @Test
    void aHeadlineIsNeverEmptied() {
        TitleFurniture f = new TitleFurniture(1);
        f.strip(titled("Local News | Weather"));
        assertEquals("Local News", f.strip(titled("Local News | Weather")).title());
    }
}
