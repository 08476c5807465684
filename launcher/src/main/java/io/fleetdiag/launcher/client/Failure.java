package io.fleetdiag.launcher.client;

/** How an operator command ends when it cannot do its job: one line on stderr and exit code 1. */
final class Failure {

    private Failure() {
    }

    static int print(String message) {
        System.err.println("fleetdiag: " + message);
        return 1;
    }
}
