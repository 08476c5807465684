package io.fleetdiag.launcher.services;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.service.ServiceLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag poller [poller.properties]}. */
@Command(name = "poller", description = "Run the connectivity poller against an external Kafka, registry and Adyen endpoint.")
public final class PollerCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Properties file; the environment overrides it (FLEETDIAG_*, ADYEN_API_KEY).")
    String config;

    @Override
    public Integer call() {
        return ServiceLauncher.main("connectivity-poller", PollerService.definitions(), config == null ? new String[0] : new String[] {config},
                PollerService::start);
    }
}
