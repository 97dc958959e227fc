package dev.storyline.clean.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The repeated items of a listing, collection or results page: the largest run of sibling elements that share tag
 * and class (product tiles, teasers, rows), taken as one entry each. Used only where no article was found, so a
 * related-links box under a real article is never taken for the content.
 */
final class ItemLists {

    private static final Set<String> NAVIGATION = Set.of("nav", "header", "footer", "aside", "menu");
    /** Fewer siblings than this are a box, not a list. */
    private static final int MIN_ITEMS = 4;
    /** Items shorter than this on average are a menu's labels, not entries. */
    private static final int MIN_ENTRY_CHARS = 25;
    /** Entries longer than this are cut: a listing's entry is a title and a teaser. */
    private static final int MAX_ENTRY_CHARS = 600;

    private ItemLists() {
    }

    /** Lists in navigation, header, footer or sidebar are the site's menus, not the page's items. */
    private static boolean inNavigation(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (NAVIGATION.contains(a.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** The item's text with its pieces spaced apart: a tile's name and price sit in adjacent inline elements. */
    private static String spaced(Element item) {
        StringBuilder b = new StringBuilder();
        item.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                b.append(t.text()).append(' ');
            }
        });
        return b.toString();
    }

    /** The entries of the page's largest item list, in order, or an empty list. */
    static List<String> entries(Element body, Budget budget) {
        List<Element> best = List.of();
        int bestText = 0;
        for (Element e : body.getAllElements()) {
            budget.check();
            if (e.childrenSize() < MIN_ITEMS || inNavigation(e)) {
                continue;
            }
            Map<String, List<Element>> groups = new HashMap<>();
            for (Element child : e.children()) {
                groups.computeIfAbsent(child.normalName() + "." + child.className(), k -> new ArrayList<>()).add(child);
            }
            for (List<Element> group : groups.values()) {
                if (group.size() < MIN_ITEMS) {
                    continue;
                }
                int text = 0;
                for (Element item : group) {
                    text += item.text().length();
                }
                if (text / group.size() >= MIN_ENTRY_CHARS && text > bestText) {
                    bestText = text;
                    best = group;
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Element item : best) {
            String t = JsoupExtractor.normalize(spaced(item));
            if (!t.isEmpty()) {
                out.add(t.length() > MAX_ENTRY_CHARS ? t.substring(0, MAX_ENTRY_CHARS) : t);
            }
        }
        return new ArrayList<>(out);
    }
}
