package io.fleetdiag.poller;

import io.fleetdiag.service.ServiceLauncher;

/** {@code java -cp ... io.fleetdiag.poller.PollerMain [poller.properties]}; the fleetdiag CLI wraps it as {@code fleetdiag poller}. */
public final class PollerMain {

    private PollerMain() {
    }

    public static void main(String[] args) {
        System.exit(ServiceLauncher.main("connectivity-poller", PollerService.definitions(), args, PollerService::start));
    }
}
