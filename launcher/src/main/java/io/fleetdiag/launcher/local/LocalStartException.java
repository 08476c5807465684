package io.fleetdiag.launcher.local;

/** The local run cannot start; the message is one line saying what to do. */
public final class LocalStartException extends RuntimeException {

    public LocalStartException(String message) {
        super(message);
    }
}
