package io.fleetdiag.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands the repository's Markdown shows (README.md, docs/*.md, every module's README.md): lines of
 * code blocks and inline code spans that start with one of {@link #PROGRAMS}. Doc syntax is expanded the
 * way a reader takes it: {@code [--follow]} is written out, {@code a|b|c} is each of a, b and c, and a
 * {@code # comment} after a command is dropped.
 */
record DocumentedCommands(Path root) {

    /** What a documented command may start with; a code span starting otherwise is not a command. */
    static final List<String> PROGRAMS = List.of("./fleetdiag", "benchmarks/run", "fault-suite/run", "mvn",
            "java -jar terminal-simulator/target/terminal-simulator.jar");

    private static final Pattern INLINE = Pattern.compile("`([^`\n]+)`");

    /** One command as a reader would type it, and where it is written. */
    record Command(String file, int line, List<String> words) {
        String program() {
            return words.get(0);
        }

        List<String> arguments() {
            return words.subList(1, words.size());
        }

        @Override
        public String toString() {
            return String.join(" ", words) + "  (" + file + ":" + line + ")";
        }
    }

    /** Every Markdown page a reader of the repository meets. */
    List<Path> pages() {
        try (Stream<Path> top = Files.list(root); Stream<Path> docs = Files.list(root.resolve("docs"))) {
            List<Path> pages = new ArrayList<>();
            pages.add(root.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            top.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Command> all() {
        List<Command> commands = new ArrayList<>();
        for (Path page : pages()) {
            commands.addAll(in(root.relativize(page).toString(), read(page)));
        }
        return commands;
    }

    static List<Command> in(String file, List<String> lines) {
        List<Command> commands = new ArrayList<>();
        boolean block = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                block = !block;
                continue;
            }
            List<String> texts = new ArrayList<>();
            if (block) {
                texts.add(line.strip());
            } else {
                Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    texts.add(m.group(1).strip());
                }
            }
            for (String text : texts) {
                String command = withoutComment(text);
                if (PROGRAMS.stream().anyMatch(p -> command.equals(p) || command.startsWith(p + " "))) {
                    for (List<String> words : expand(command)) {
                        commands.add(new Command(file, i + 1, words));
                    }
                }
            }
        }
        return commands;
    }

    private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|\\S+");

    private static String withoutComment(String text) {
        int hash = text.indexOf(" #");
        return (hash < 0 ? text : text.substring(0, hash)).strip();
    }

    /** The program (which may be two words, as {@code java -jar x.jar}) and each variant of its arguments. */
    static Set<List<String>> expand(String command) {
        String program = PROGRAMS.stream().filter(p -> command.equals(p) || command.startsWith(p + " ")).findFirst().orElseThrow();
        List<List<String>> variants = List.of(List.of(program));
        for (String word : words(command.substring(program.length()).strip())) {
            boolean quoted = word.startsWith("\"");
            String plain = quoted ? word.substring(1, word.length() - 1) : word.replace("[", "").replace("]", "");
            if (plain.isEmpty()) {
                continue;
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> variant : variants) {
                for (String alternative : quoted ? new String[] {plain} : plain.split("\\|")) {
                    List<String> longer = new ArrayList<>(variant);
                    longer.add(alternative);
                    next.add(longer);
                }
            }
            variants = next;
        }
        return new LinkedHashSet<>(variants);
    }

    /** The words as a shell splits them: white space apart, except inside double quotes (kept, to be told apart). */
    private static List<String> words(String arguments) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(arguments);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
