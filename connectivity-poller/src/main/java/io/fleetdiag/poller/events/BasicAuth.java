package io.fleetdiag.poller.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** HTTP basic auth as the terminals send it for their event URL; the answer says what was wrong, never the expected values. */
final class BasicAuth {

    private final byte[] expected;

    BasicAuth(String username, String password) {
        this.expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when {@code header} carries the right credentials, otherwise why not. */
    Optional<String> refusal(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("No credentials: the event URL needs its basic-auth username and password");
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("Only basic auth is accepted on this endpoint");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("The basic-auth credentials are not valid Base64");
        }
        // constant time: the comparison does not tell how much of a guess was right
        return MessageDigest.isEqual(given, expected) ? Optional.empty() : Optional.of("Wrong username or password for the event URL");
    }
}
