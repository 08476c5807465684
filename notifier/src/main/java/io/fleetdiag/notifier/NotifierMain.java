package io.fleetdiag.notifier;

import io.fleetdiag.service.ServiceLauncher;

/** {@code java -cp ... io.fleetdiag.notifier.NotifierMain [notifier.properties]}; the fleetdiag CLI wraps it as {@code fleetdiag notifier}. */
public final class NotifierMain {

    private NotifierMain() {
    }

    public static void main(String[] args) {
        System.exit(ServiceLauncher.main("notifier", NotifierService.definitions(), args, NotifierService::start));
    }
}
