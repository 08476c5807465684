package io.fleetdiag.launcher;

import io.fleetdiag.launcher.client.AckCommand;
import io.fleetdiag.launcher.client.AlertsCommand;
import io.fleetdiag.launcher.client.CheckCommand;
import io.fleetdiag.launcher.client.RebootCommand;
import io.fleetdiag.launcher.client.SilenceCommand;
import io.fleetdiag.launcher.client.SilencesCommand;
import io.fleetdiag.launcher.client.StoreCommand;
import io.fleetdiag.launcher.client.TerminalCommand;
import io.fleetdiag.launcher.lake.LakeCommand;
import io.fleetdiag.launcher.client.UnsilenceCommand;
import io.fleetdiag.launcher.local.LocalCommand;
import io.fleetdiag.launcher.services.DispatcherCommand;
import io.fleetdiag.launcher.services.NotifierCommand;
import io.fleetdiag.launcher.services.PollerCommand;
import io.fleetdiag.launcher.services.ProcessorCommand;
import io.fleetdiag.launcher.services.SimulatorCommand;
import io.fleetdiag.service.JvmDefaults;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The fleetdiag command. */
@Command(name = "fleetdiag", mixinStandardHelpOptions = true, version = "fleetdiag 0.1.0",
        description = "Payment-terminal fleet diagnostics on Apache Kafka, driven by Adyen's cloud Terminal API.",
        subcommands = {LocalCommand.class, SimulatorCommand.class, PollerCommand.class, DispatcherCommand.class, ProcessorCommand.class, NotifierCommand.class,
                CheckCommand.class, AlertsCommand.class, TerminalCommand.class, StoreCommand.class, LakeCommand.class,
                AckCommand.class, SilenceCommand.class, SilencesCommand.class, UnsilenceCommand.class, RebootCommand.class,
                CommandLine.HelpCommand.class})
public final class FleetdiagCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        JvmDefaults.apply();
        // the local run keeps the console for its summary and logs to a file; everything else logs to the console
        boolean local = args.length > 0 && args[0].equals("local");
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", local ? "fleetdiag-file-log4j2.xml" : "fleetdiag-console-log4j2.xml");
        }
        // one logging setup for the whole JVM, the embedded registry's java.util.logging included
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.selector.BasicContextSelector");
        // initialise it now: the embedded registry would name its own log manager, which only its class loader can load
        LogManager.getLogManager();
        System.exit(new CommandLine(new FleetdiagCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
