package io.fleetdiag.launcher.docs;

import io.fleetdiag.dispatcher.DispatcherSettings;
import io.fleetdiag.launcher.local.LocalCadence;
import io.fleetdiag.notifier.NotifierSettings;
import io.fleetdiag.poller.PollerSettings;
import io.fleetdiag.poller.events.EventsSettings;
import io.fleetdiag.poller.webhooks.WebhooksSettings;
import io.fleetdiag.poller.inventory.InventorySettings;
import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.reboot.RebootSettings;
import io.fleetdiag.processor.signin.DashboardSignIn;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.simulator.SimulatorMain;
import io.fleetdiag.terminalapi.AdyenSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings tables of docs/configuration.md, made from the services' {@link SettingsDefinition}s and the
 * simulator's command-line options. The prose around them is written by hand: only what lies between
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated -->} is replaced.
 * {@code ConfigurationDocTest} fails when the file and the code differ.
 */
public final class ConfigurationDoc {

    public static final Path DEFAULT_FILE = Path.of("docs", "configuration.md");
    private static final Pattern DEFAULT_IN_DESCRIPTION = Pattern.compile("\\s*\\(default [^)]*\\)");

    private ConfigurationDoc() {
    }

    /** The generated sections by name, in the order the doc shows them. */
    public static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("common", tables(List.of(KafkaSettings.DEFINITION, ServiceHttp.DEFINITION)));
        sections.put("adyen", tables(List.of(AdyenSettings.DEFINITION)));
        sections.put("connectivity-poller", tables(List.of(PollerSettings.DEFINITION, InventorySettings.DEFINITION,
                EventsSettings.DEFINITION, WebhooksSettings.DEFINITION)));
        sections.put("diagnosis-dispatcher", tables(List.of(DispatcherSettings.DEFINITION)));
        sections.put("result-processor", tables(List.of(ProcessorSettings.DEFINITION, DashboardSignIn.DEFINITION,
                RebootSettings.DEFINITION)));
        sections.put("notifier", tables(List.of(NotifierSettings.DEFINITION)));
        sections.put("terminal-simulator", simulatorOptions());
        sections.put("local-cadence", localCadence());
        return sections;
    }

    /** The cadence {@code fleetdiag local} derives, at fleet sizes from the demo's to ten times the one measured. */
    private static String localCadence() {
        List<String> lines = new ArrayList<>();
        lines.add("| `--terminals` | polls every | checks every | stale after | dispatcher cap | terminals listed/s | scheduled checks/s |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|");
        for (int terminals : List.of(1_000, 10_000, 15_000, 25_000, 50_000, 100_000, 250_000, 1_000_000)) {
            LocalCadence cadence = LocalCadence.forFleet(terminals);
            lines.add(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %d calls/s | %,.0f | %,.0f |", terminals,
                    LocalCadence.text(cadence.pollInterval()), LocalCadence.text(cadence.checkInterval()),
                    LocalCadence.text(cadence.staleAfter()), cadence.dispatcherPerSecond(),
                    terminals / (double) cadence.pollInterval().toSeconds(), terminals / (double) cadence.checkInterval().toSeconds()));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String tables(List<SettingsDefinition> definitions) {
        return String.join("\n", definitions.stream().map(SettingsDefinition::markdownTable).toList());
    }

    private static String simulatorOptions() {
        List<String> lines = new ArrayList<>();
        lines.add("| option | default | meaning |");
        lines.add("|---|---|---|");
        for (OptionSpec option : new CommandLine(new SimulatorMain()).getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String meaning = DEFAULT_IN_DESCRIPTION.matcher(String.join(" ", option.description())).replaceAll("");
            lines.add("| `" + option.longestName() + "` | " + (option.defaultValue() == null ? "-" : "`" + option.defaultValue() + "`")
                    + " | " + meaning.replace("|", "\\|") + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The document with every generated section made anew.
     *
     * @throws IllegalArgumentException when a section the code has is missing from the document, or the other way round
     */
    public static String render(String document) {
        return GeneratedSections.render(DEFAULT_FILE.toString(), document, sections());
    }

    /** Rewrites the file's generated sections: {@code java -cp ... io.fleetdiag.launcher.docs.ConfigurationDoc [docs/configuration.md]}. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE;
        Files.writeString(file, render(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
