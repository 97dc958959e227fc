package dev.storyline.pull.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every feed format we take, the broken ones a lenient reader recovers, and the hostile ones we refuse. */
class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    private ParsedFeed read(String xml) throws FeedUnreadable {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), "application/xml");
    }

    @Test
    void rss20WithFullContentAndGuid() throws FeedUnreadable {
        ParsedFeed f = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                <title>Wire</title><link>http://127.0.0.1/</link><language>pt-BR</language>
                <item><title>One</title><link>http://127.0.0.1/one</link><guid isPermaLink="false">w-1</guid>
                <pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate><description>Short</description>
                <content:encoded><![CDATA[<p>The whole article</p>]]></content:encoded></item>
                <item><title>Two</title><link>http://127.0.0.1/two</link></item>
                </channel></rss>""");
        assertEquals("rss_2.0", f.format());
        assertEquals("Wire", f.title());
        assertEquals("pt-BR", f.language());
        FeedEntry one = f.entries().get(0);
        assertEquals("w-1", one.guid());
        assertEquals("http://127.0.0.1/one", one.link());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), one.published());
        assertEquals("<p>The whole article</p>", one.content());
        assertEquals("Short", one.summary());
        FeedEntry two = f.entries().get(1);
        assertNull(two.published());
        assertNull(two.content());
        assertEquals(2, f.entries().size());
    }

    @Test
    void rss091And092AndRdf10() throws FeedUnreadable {
        for (String version : new String[] { "0.91", "0.92" }) {
            ParsedFeed f = read("<rss version=\"" + version + "\"><channel><title>Old</title><link>http://127.0.0.1/</link>"
                    + "<description>d</description><language>en</language><item><title>A</title>"
                    + "<link>http://127.0.0.1/a</link><description>brief</description></item></channel></rss>");
            assertTrue(f.format().startsWith("rss_0.9"), f.format());
            assertEquals("http://127.0.0.1/a", f.entries().get(0).link());
            assertEquals("brief", f.entries().get(0).summary());
        }
        ParsedFeed rdf = read("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="http://127.0.0.1/"><title>RDF</title><link>http://127.0.0.1/</link>
                <description>d</description></channel>
                <item rdf:about="http://127.0.0.1/r"><title>R</title><link>http://127.0.0.1/r</link>
                <dc:date>2026-12-01T08:00:00Z</dc:date></item></rdf:RDF>""");
        assertEquals("rss_1.0", rdf.format());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), rdf.entries().get(0).published());
    }

    @Test
    void atom10And03() throws FeedUnreadable {
        ParsedFeed atom = read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="http://127.0.0.1/"/>
                <id>urn:f</id><updated>2026-12-02T00:00:00Z</updated>
                <entry><id>urn:e1</id><title>E1</title><link href="http://127.0.0.1/e1"/>
                <published>2026-12-02T09:30:00+01:00</published><updated>2026-12-02T10:00:00Z</updated>
                <summary>s</summary><content type="html">&lt;p&gt;full&lt;/p&gt;</content></entry></feed>""");
        assertEquals("atom_1.0", atom.format());
        FeedEntry e = atom.entries().get(0);
        assertEquals("urn:e1", e.guid());
        assertEquals(Instant.parse("2026-12-02T08:30:00Z"), e.published());
        assertEquals("<p>full</p>", e.content());
        ParsedFeed old = read("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
                <link rel="alternate" type="text/html" href="http://127.0.0.1/"/><modified>2026-12-02T00:00:00Z</modified>
                <entry><title>O</title><link rel="alternate" type="text/html" href="http://127.0.0.1/o"/><id>urn:o</id>
                <issued>2026-12-02T00:00:00Z</issued><modified>2026-12-02T00:00:00Z</modified></entry></feed>""");
        assertEquals("atom_0.3", old.format());
        assertEquals("http://127.0.0.1/o", old.entries().get(0).link());
    }

    @Test
    void jsonFeed10And11() throws FeedUnreadable {
        ParsedFeed v11 = reader.read("""
                {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"http://127.0.0.1/",
                 "language":"de","items":[{"id":"j1","url":"http://127.0.0.1/j1","title":"J1",
                 "content_html":"<p>ganz</p>","date_published":"2026-12-02T10:00:00+02:00"},
                 {"id":"j2","content_text":"plain words","date_published":"yesterday"}]}""".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), "application/feed+json");
        assertEquals("json_1.1", v11.format());
        assertEquals("de", v11.entries().get(0).language());
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), v11.entries().get(0).published());
        assertTrue(v11.entries().get(0).contentIsHtml());
        assertFalse(v11.entries().get(1).contentIsHtml());
        assertNull(v11.entries().get(1).published());
        assertTrue(v11.warnings().stream().anyMatch(w -> w.contains("yesterday")));
        ParsedFeed v10 = reader.read("{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"J\",\"items\":[]}"
                .getBytes(StandardCharsets.UTF_8), Optional.empty(), "application/json");
        assertEquals("json_1", v10.format());
        assertThrows(FeedUnreadable.class, () -> reader.read("{\"title\":\"not a feed\"}".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), "application/json"));
    }

    @Test
    void recoversBareAmpersandsAndHtmlEntitiesAndSaysSo() throws FeedUnreadable {
        ParsedFeed f = read("<rss version=\"2.0\"><channel><title>Tom & Jerry&nbsp;News</title><link>http://127.0.0.1/</link>"
                + "<item><title>Caf&eacute; &copy; &amp; more</title><link>http://127.0.0.1/a?x=1&y=2</link></item>"
                + "</channel></rss>");
        assertEquals("Tom & Jerry\u00a0News", f.title());
        assertEquals("Café © & more", f.entries().get(0).title());
        assertEquals("http://127.0.0.1/a?x=1&y=2", f.entries().get(0).link());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("unescaped '&'")), f.warnings().toString());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("HTML entities")), f.warnings().toString());
    }

    @Test
    void wrongDeclaredEncodingsAreReadAsTheBytesAre() throws FeedUnreadable {
        String body = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>São Paulo</title>"
                + "<link>http://127.0.0.1/</link><item><title>Ação</title><link>http://127.0.0.1/x</link></item></channel></rss>";
        ParsedFeed utf8DeclaredLatin = reader.read(body.getBytes(StandardCharsets.UTF_8), Optional.empty(), "text/xml");
        assertEquals("São Paulo", utf8DeclaredLatin.title());
        assertTrue(utf8DeclaredLatin.warnings().stream().anyMatch(w -> w.contains("read as UTF-8")));
        String latin = body.replace("ISO-8859-1", "UTF-8");
        ParsedFeed latinDeclaredUtf8 = reader.read(latin.getBytes(StandardCharsets.ISO_8859_1), Optional.empty(), "text/xml");
        assertEquals("Ação", latinDeclaredUtf8.entries().get(0).title());
        assertFalse(latinDeclaredUtf8.warnings().isEmpty());
        ParsedFeed byHeader = reader.read(latin.replace(" encoding=\"UTF-8\"", "").getBytes(Charset.forName("windows-1252")),
                Optional.of(Charset.forName("windows-1252")), "text/xml");
        assertEquals("São Paulo", byHeader.title());
    }

    @Test
    void refusesXxeBillionLaughsAndExternalDtds() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&x;</title><link>http://127.0.0.1/</link></channel></rss>""";
        String laughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <rss version="2.0"><channel><title>&lol4;</title><link>http://127.0.0.1/</link></channel></rss>""";
        String externalDtd = """
                <?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
                <rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link></channel></rss>""";
        String parameterEntity = """
                <?xml version="1.0"?><!doctype rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>
                <rss version="2.0"><channel><title>t</title></channel></rss>""";
        for (String hostile : new String[] { xxe, laughs, externalDtd, parameterEntity }) {
            FeedUnreadable e = assertThrows(FeedUnreadable.class, () -> read(hostile));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }
    }

    @Test
    void somethingElseEntirelyIsUnreadableWithAReason() {
        FeedUnreadable e = assertThrows(FeedUnreadable.class, () -> read("<html><body>not a feed</body></html>"));
        assertFalse(e.getMessage().isBlank());
    }
}
