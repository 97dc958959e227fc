package dev.storyline.pull.opml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * OPML 1.0 and 2.0 subscription lists: read (nested outlines included; an outline with an {@code xmlUrl} is a
 * feed, any other only groups) and written as OPML 2.0. Jsoup's XML parser never resolves DTDs or external
 * entities, and a DOCTYPE is refused anyway, as for feeds.
 */
public final class Opml {

    /** One subscription: the feed's URL, and its title when the list gives one. */
    public record Outline(String xmlUrl, String title) {
    }

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    private Opml() {
    }

    public static List<Outline> read(String opml) {
        if (DOCTYPE.matcher(opml).find()) {
            throw new IllegalArgumentException("an OPML document with a DOCTYPE is refused");
        }
        Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
        Element root = doc.selectFirst("opml");
        if (root == null) {
            throw new IllegalArgumentException("not OPML: no <opml> root element");
        }
        List<Outline> out = new ArrayList<>();
        for (Element o : root.select("body outline[xmlUrl]")) {
            String url = o.attr("xmlUrl").strip();
            String title = !o.attr("title").isBlank() ? o.attr("title").strip() : o.attr("text").strip();
            out.add(new Outline(url, title.isEmpty() ? null : title));
        }
        return out;
    }

    public static String write(String title, List<Outline> outlines) {
        StringBuilder body = new StringBuilder();
        for (Outline o : outlines) {
            String t = o.title() == null ? o.xmlUrl() : o.title();
            body.append("    <outline type=\"rss\" text=\"").append(attr(t)).append("\" title=\"").append(attr(t))
                    .append("\" xmlUrl=\"").append(attr(o.xmlUrl())).append("\"/>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>" + attr(title)
                + "</title>\n  </head>\n  <body>\n" + body + "  </body>\n</opml>\n";
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
