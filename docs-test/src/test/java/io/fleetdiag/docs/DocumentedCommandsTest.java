package io.fleetdiag.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.docs.DocumentedCommands.Command;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every command README.md, docs/*.md and the module READMEs show would run as written (issue 18). */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("fleetdiag.root", "..")).toAbsolutePath().normalize();

    private final DocumentedCommands docs = new DocumentedCommands(ROOT);
    private final CommandCheck check = new CommandCheck(ROOT);

    @Test
    void everyDocumentedCommandParses() {
        List<Command> commands = docs.all();
        Map<String, String> problems = new TreeMap<>();
        for (Command command : commands) {
            check.problem(command).ifPresent(problem -> problems.put(command.toString(), problem));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmesTwoCommandsAndEachWrapperAreFound() {
        assertThat(docs.all()).extracting(c -> String.join(" ", c.words()))
                .contains("./fleetdiag local", "mvn verify")
                .anyMatch(c -> c.startsWith("benchmarks/run"))
                .anyMatch(c -> c.startsWith("fault-suite/run"));
        assertThat(docs.pages()).extracting(p -> ROOT.relativize(p).toString())
                .contains("README.md", "docs/design.md", "docs/alerts.md", "docs/development.md",
                        "benchmarks/README.md", "fault-suite/README.md", "terminal-simulator/README.md");
    }

    @Test
    void docSyntaxIsExpandedAsAReaderTakesIt() {
        List<Command> commands = DocumentedCommands.in("x.md", List.of(
                "Run `./fleetdiag poller|dispatcher [settings.properties]` or `curl localhost`.",
                "```",
                "./fleetdiag alerts [--follow] [--json]     # every alert",
                "```"));
        assertThat(commands).extracting(c -> String.join(" ", c.words())).containsExactly(
                "./fleetdiag poller settings.properties", "./fleetdiag dispatcher settings.properties",
                "./fleetdiag alerts --follow --json");
        assertThat(commands).extracting(Command::line).containsExactly(1, 1, 3);
    }

    @Test
    void aWrongCommandIsCaught() {
        // each of these once was, or easily becomes, a documented command that does not run
        assertThat(problem("./fleetdiag locale")).isPresent();
        assertThat(problem("./fleetdiag local --terminals many")).isPresent();
        assertThat(problem("benchmarks/run --only processr")).isPresent();
        assertThat(problem("benchmarks/run huge")).isPresent();
        assertThat(problem("fault-suite/run full")).isPresent();
        assertThat(problem("mvn -pl launchr -am package")).isPresent();
        assertThat(problem("mvn -pl launcher")).isPresent();
        assertThat(problem("java -jar terminal-simulator/target/terminal-simulator.jar --terminal 5")).isPresent();
        assertThat(problem("./fleetdiag simulator --terminal 5")).isPresent();
    }

    @Test
    void optionsAndSizeAreAcceptedInAnyOrder() throws Exception {
        // issue 18: the first argument was taken as the size whatever it was
        assertThat(check.handedOn("benchmarks/run", List.of("--only", "processor")))
                .containsExactly("--size", "default", "--only", "processor");
        assertThat(check.handedOn("benchmarks/run", List.of("--only", "processor,dispatcher", "full", "--profile")))
                .containsExactly("--size", "full", "--only", "processor,dispatcher", "--profile");
        assertThat(check.handedOn("benchmarks/run", List.of("--size", "smoke"))).containsExactly("--size", "smoke");
        assertThat(check.handedOn("fault-suite/run", List.of("--seed", "7", "smoke")))
                .containsExactly("--size", "smoke", "--seed", "7");
        assertThat(check.handedOn("fault-suite/run", List.of())).containsExactly("--size", "default");
        assertThat(check.handedOn("./fleetdiag", List.of("local", "--terminals", "5"))).containsExactly("local", "--terminals", "5");
    }

    private java.util.Optional<String> problem(String command) {
        List<Command> parsed = DocumentedCommands.in("x.md", List.of("`" + command + "`"));
        assertThat(parsed).hasSize(1);
        return check.problem(parsed.get(0));
    }
}
