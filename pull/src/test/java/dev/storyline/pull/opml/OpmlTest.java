package dev.storyline.pull.opml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class OpmlTest {

    @Test
    void readsNestedOutlinesOfBothVersions() {
        String v1 = """
                <?xml version="1.0"?><opml version="1.0"><head><title>mine</title></head><body>
                <outline text="News"><outline text="Wire &amp; Co" xmlUrl="http://127.0.0.1:1/a.xml"/>
                  <outline text="Deeper"><outline title="Deep" text="ignored" xmlUrl="http://127.0.0.1:1/b.xml"/></outline>
                </outline><outline text="a folder only"/></body></opml>""";
        assertEquals(List.of(new Opml.Outline("http://127.0.0.1:1/a.xml", "Wire & Co"),
                new Opml.Outline("http://127.0.0.1:1/b.xml", "Deep")), Opml.read(v1));
    }

    @Test
    void writesWhatItReads() {
        List<Opml.Outline> feeds = List.of(new Opml.Outline("http://127.0.0.1:1/x?a=1&b=2", "X \"quoted\" <b>"),
                new Opml.Outline("http://127.0.0.1:1/y", null));
        List<Opml.Outline> back = Opml.read(Opml.write("Storyline feeds", feeds));
        assertEquals(feeds.get(0), back.get(0));
        assertEquals("http://127.0.0.1:1/y", back.get(1).xmlUrl());
    }

    @Test
    void refusesDoctypesAndNonOpml() {
        assertThrows(IllegalArgumentException.class, () -> Opml.read(
                "<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>"));
        assertThrows(IllegalArgumentException.class, () -> Opml.read("<html><body>no</body></html>"));
    }
}
