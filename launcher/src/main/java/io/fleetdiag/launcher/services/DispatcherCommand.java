package io.fleetdiag.launcher.services;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.service.ServiceLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag dispatcher [dispatcher.properties]}. */
@Command(name = "dispatcher", description = "Run the diagnosis dispatcher against an external Kafka, registry and Adyen endpoint.")
public final class DispatcherCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Properties file; the environment overrides it (FLEETDIAG_*, ADYEN_API_KEY).")
    String config;

    @Override
    public Integer call() {
        return ServiceLauncher.main("diagnosis-dispatcher", DispatcherService.definitions(), config == null ? new String[0] : new String[] {config},
                DispatcherService::start);
    }
}
