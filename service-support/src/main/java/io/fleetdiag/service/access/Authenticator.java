package io.fleetdiag.service.access;

import java.util.Optional;

/** Turns a request's credential (the bearer token, when there is one) into a {@link Caller}, or refuses it saying why. */
@FunctionalInterface
public interface Authenticator {

    Caller authenticate(Optional<String> bearerToken) throws Unauthenticated;

    /** No identity: every request is {@link Caller#local()}. */
    static Authenticator none() {
        return token -> Caller.local();
    }

    /** A refused credential; the message is safe to show the caller and says what was wrong. */
    final class Unauthenticated extends Exception {
        public Unauthenticated(String message) {
            super(message);
        }
    }
}
