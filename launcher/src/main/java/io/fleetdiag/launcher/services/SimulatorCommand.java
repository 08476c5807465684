package io.fleetdiag.launcher.services;

import io.fleetdiag.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetdiag simulator --port P --terminals N ...}: the terminal simulator's own options. */
@Command(name = "simulator", description = "Run the terminal simulator (Adyen's cloud with a synthetic fleet); --help lists its options.")
public final class SimulatorCommand implements Callable<Integer> {

    @CommandLine.Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        return new CommandLine(new SimulatorMain()).execute(options.toArray(String[]::new));
    }
}
