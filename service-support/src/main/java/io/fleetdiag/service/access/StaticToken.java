package io.fleetdiag.service.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** One shared secret that grants its caller (compared in constant time). */
public final class StaticToken implements Authenticator {

    private final byte[] secret;
    private final Caller caller;

    public StaticToken(String secret, Caller caller) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A static token cannot be blank");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.caller = caller;
    }

    @Override
    public Caller authenticate(Optional<String> bearerToken) throws Unauthenticated {
        if (bearerToken.isEmpty()) {
            throw new Unauthenticated("Bearer token required");
        }
        if (!MessageDigest.isEqual(secret, bearerToken.get().getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthenticated("The bearer token is not valid");
        }
        return caller;
    }
}
