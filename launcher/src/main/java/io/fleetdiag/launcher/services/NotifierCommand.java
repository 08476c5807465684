package io.fleetdiag.launcher.services;

import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.service.ServiceLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag notifier [notifier.properties]}. */
@Command(name = "notifier", description = "Run the notifier: terminal-alerts to Alertmanager, signed webhooks and PagerDuty (docs/notifications.md).")
public final class NotifierCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Properties file; the environment overrides it (FLEETDIAG_*).")
    String config;

    @Override
    public Integer call() {
        return ServiceLauncher.main("notifier", NotifierService.definitions(), config == null ? new String[0] : new String[] {config},
                NotifierService::start);
    }
}
