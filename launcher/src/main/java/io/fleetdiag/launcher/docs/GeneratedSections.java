package io.fleetdiag.launcher.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of a hand-written markdown document: what lies between
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated -->} is made from the code, the prose
 * around it is kept.
 */
final class GeneratedSections {

    private static final Pattern SECTION = Pattern.compile("(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end generated -->)", Pattern.DOTALL);

    private GeneratedSections() {
    }

    /**
     * {@code document} with every generated section made anew from {@code sections}.
     *
     * @throws IllegalArgumentException when a section the code has is missing from the document, or the other way round
     */
    static String render(String documentName, String document, Map<String, String> sections) {
        List<String> seen = new ArrayList<>();
        Matcher matcher = SECTION.matcher(document);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String content = sections.get(name);
            if (content == null) {
                throw new IllegalArgumentException(documentName + " has a generated section '" + name + "' that the code does not make");
            }
            seen.add(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + content + matcher.group(4)));
        }
        matcher.appendTail(out);
        if (!seen.equals(List.copyOf(sections.keySet()))) {
            throw new IllegalArgumentException(documentName + " must have the generated sections " + sections.keySet() + " in this order, not " + seen);
        }
        return out.toString();
    }
}
