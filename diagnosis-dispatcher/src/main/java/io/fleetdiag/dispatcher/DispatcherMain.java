package io.fleetdiag.dispatcher;

import io.fleetdiag.service.ServiceLauncher;

/** {@code java -cp ... io.fleetdiag.dispatcher.DispatcherMain [dispatcher.properties]}; the fleetdiag CLI wraps it as {@code fleetdiag dispatcher}. */
public final class DispatcherMain {

    private DispatcherMain() {
    }

    public static void main(String[] args) {
        System.exit(ServiceLauncher.main("diagnosis-dispatcher", DispatcherService.definitions(), args, DispatcherService::start));
    }
}
