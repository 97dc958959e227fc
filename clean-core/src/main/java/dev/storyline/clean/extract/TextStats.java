package dev.storyline.clean.extract;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text, link-text and paragraph-text sizes of every element of a subtree, from one bottom-up pass, so that link
 * density and text shares cost a map look-up instead of a walk over the subtree each time. Sizes count
 * non-whitespace characters.
 */
final class TextStats implements NodeVisitor {

    private static final class Counts {
        int text;
        int links;
        int paragraphs;
        int own;
        int commas;
    }

    private final Map<Element, Counts> counts = new IdentityHashMap<>();
    private final Budget budget;
    private int linkDepth;
    private int paragraphDepth;

    private TextStats(Budget budget) {
        this.budget = budget;
    }

    static TextStats of(Element root, Budget budget) {
        TextStats stats = new TextStats(budget);
        NodeTraversor.traverse(stats, root);
        return stats;
    }

    @Override
    public void head(Node node, int depth) {
        budget.check();
        if (node instanceof Element e) {
            counts.put(e, new Counts());
            if (e.nameIs("a")) {
                linkDepth++;
            } else if (e.nameIs("p")) {
                paragraphDepth++;
            }
        } else if (node instanceof TextNode t && node.parent() instanceof Element parent) {
            String s = t.getWholeText();
            int n = 0;
            int commas = 0;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (!Character.isWhitespace(ch)) {
                    n++;
                    if (ch == ',' || ch == '،' || ch == '、' || ch == '，') {
                        commas++;
                    }
                }
            }
            Counts c = counts.get(parent);
            c.own += n;
            c.commas += commas;
            c.text += n;
            if (linkDepth > 0) {
                c.links += n;
            }
            if (paragraphDepth > 0) {
                c.paragraphs += n;
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            if (e.nameIs("a")) {
                linkDepth--;
            } else if (e.nameIs("p")) {
                paragraphDepth--;
            }
            Counts own = counts.get(e);
            Counts up = e.parent() == null ? null : counts.get(e.parent());
            if (up != null) {
                up.text += own.text;
                up.links += own.links;
                up.paragraphs += own.paragraphs;
                up.commas += own.commas;
            }
        }
    }

    /** Removes an element's text from every ancestor's counts, as if the subtree had never been there. */
    void remove(Element e) {
        Counts gone = counts.get(e);
        if (gone == null) {
            return;
        }
        for (Element a = e.parent(); a != null; a = a.parent()) {
            Counts c = counts.get(a);
            if (c != null) {
                c.text -= gone.text;
                c.links -= gone.links;
                c.paragraphs -= gone.paragraphs;
            }
        }
    }

    /** Text directly inside the element, not in its children. */
    int ownText(Element e) {
        Counts c = counts.get(e);
        return c == null ? 0 : c.own;
    }

    /** Commas in the element's text. */
    int commas(Element e) {
        Counts c = counts.get(e);
        return c == null ? 0 : c.commas;
    }

    int text(Element e) {
        Counts c = counts.get(e);
        return c == null ? 0 : c.text;
    }

    /** Text inside {@code <p>} elements; a quarter of all text where there is no {@code <p>} at all. */
    int paragraphText(Element e) {
        Counts c = counts.get(e);
        if (c == null) {
            return 0;
        }
        return c.paragraphs == 0 ? c.text / 4 : c.paragraphs;
    }

    double linkDensity(Element e) {
        Counts c = counts.get(e);
        return c == null || c.text == 0 ? 0 : Math.min(1, (double) c.links / c.text);
    }

}
