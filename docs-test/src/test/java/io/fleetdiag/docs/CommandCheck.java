package io.fleetdiag.docs;

import io.fleetdiag.benchmarks.BenchmarkMain;
import io.fleetdiag.docs.DocumentedCommands.Command;
import io.fleetdiag.faults.FaultSuiteMain;
import io.fleetdiag.launcher.FleetdiagCommand;
import io.fleetdiag.simulator.SimulatorMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Whether a documented command would run as written, without running it: a wrapper script is run with
 * {@code FLEETDIAG_DRY_RUN=1}, which prints the java command it would execute, and the arguments that
 * reach the main class are parsed by that class's own picocli model (options, values, subcommands);
 * a Maven command has its phases, goals, options and {@code -pl} modules checked against the repository.
 */
record CommandCheck(Path root) {

    /** The main class each wrapper script ends in, found after this word of its java command. */
    private static final Map<String, Script> SCRIPTS = Map.of(
            "./fleetdiag", new Script("-jar", 1, FleetdiagCommand::new),
            "benchmarks/run", new Script("io.fleetdiag.benchmarks.BenchmarkMain", 0, BenchmarkMain::new),
            "fault-suite/run", new Script("io.fleetdiag.faults.FaultSuiteMain", 0, FaultSuiteMain::new));

    /** The phases and plugin goals documented commands use; anything else is a typo until added here. */
    private static final Set<String> MAVEN_GOALS = Set.of("clean", "compile", "test", "package", "verify",
            "jib:build", "jib:dockerBuild");
    private static final Set<String> MAVEN_FLAGS = Set.of("-B", "-q", "-o", "-am", "-e");

    private record Script(String before, int skip, Supplier<Object> command) {
    }

    /** What is wrong with the command, or empty when it would run. */
    Optional<String> problem(Command command) {
        String program = command.program();
        if (SCRIPTS.containsKey(program)) {
            return script(SCRIPTS.get(program), command);
        }
        if (program.equals("mvn")) {
            return maven(command.arguments());
        }
        return parse(new SimulatorMain(), command.arguments());
    }

    /** The arguments the script hands to its main class (FLEETDIAG_DRY_RUN=1 prints them instead of running). */
    List<String> handedOn(String script, List<String> arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(root.resolve(script).toString());
        line.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("FLEETDIAG_DRY_RUN", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(script + " " + arguments + " exited " + exit + " in a dry run");
        }
        List<String> words = out.lines().toList();
        int at = words.indexOf(SCRIPTS.get(script).before());
        if (at < 0) {
            throw new IllegalStateException(script + " did not end in " + SCRIPTS.get(script).before() + ": " + words);
        }
        return words.subList(at + 1 + SCRIPTS.get(script).skip(), words.size());
    }

    private Optional<String> script(Script script, Command command) {
        try {
            List<String> arguments = handedOn(command.program(), command.arguments());
            Optional<String> problem = parse(script.command().get(), arguments);
            // fleetdiag simulator hands every option on to the simulator's own command line
            if (problem.isEmpty() && !arguments.isEmpty() && arguments.get(0).equals("simulator")) {
                return parse(new SimulatorMain(), arguments.subList(1, arguments.size()));
            }
            return problem;
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static Optional<String> parse(Object picocliCommand, List<String> arguments) {
        try {
            new CommandLine(picocliCommand).parseArgs(arguments.toArray(String[]::new));
            return Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> maven(List<String> arguments) {
        boolean goal = false;
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (word.equals("-pl")) {
                if (i + 1 == arguments.size()) {
                    return Optional.of("-pl without modules");
                }
                for (String module : arguments.get(++i).split(",")) {
                    if (!Files.isRegularFile(root.resolve(module).resolve("pom.xml"))) {
                        return Optional.of("-pl " + module + ": no such module");
                    }
                }
            } else if (word.startsWith("-D") && word.length() > 2) {
                continue;
            } else if (MAVEN_FLAGS.contains(word)) {
                continue;
            } else if (MAVEN_GOALS.contains(word)) {
                goal = true;
            } else {
                return Optional.of("unknown Maven argument " + word + " (add it to CommandCheck if it is right)");
            }
        }
        return goal ? Optional.empty() : Optional.of("no phase or goal");
    }
}
