package io.fleetdiag.processor;

import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.StaticToken;
import java.util.List;
import java.util.Map;

/**
 * Several static tokens, each naming its caller, as one {@link Authenticator}: the tests' stand-in for the
 * service's configured identities (kept here so as not to grow the production access package for tests).
 */
public final class TestCallers {

    private TestCallers() {
    }

    public static Authenticator tokens(Map<String, Caller> callers) {
        List<StaticToken> tokens = callers.entrySet().stream().map(entry -> new StaticToken(entry.getKey(), entry.getValue())).toList();
        return credential -> {
            if (credential.isEmpty()) {
                throw new Authenticator.Unauthenticated("Bearer token required");
            }
            for (StaticToken token : tokens) {
                try {
                    return token.authenticate(credential);
                } catch (Authenticator.Unauthenticated notThisOne) {
                    // the next token may be the one
                }
            }
            throw new Authenticator.Unauthenticated("The bearer token is not valid");
        };
    }
}
