package io.fleetdiag.poller;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceLauncher;
import java.util.Map;

/** {@code java -cp ... io.fleetdiag.poller.PollerMain [poller.properties]}; the fleetdiag CLI wraps it as {@code fleetdiag poller}. */
public final class PollerMain {

    private PollerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        ServiceConfig config = ServiceLauncher.config("connectivity-poller", PollerService.defaults(), args, environment);
        System.exit(ServiceLauncher.run("connectivity-poller", config, environment, PollerService::start));
    }
}
