package io.fleetdiag.launcher.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag terminal POIID}: the terminal's state. */
@Command(name = "terminal", mixinStandardHelpOptions = true, description = "Print a terminal's state: presence, latest diagnosis, active alerts.")
public final class TerminalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "POIID")
    String poiid;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        return StatePrinter.print(client, "/api/terminals/" + poiid, "terminal " + poiid);
    }
}
