package io.fleetdiag.processor;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.access.AccessSettings;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.StaticTokens;
import java.util.Map;

/** The tests' callers, through the service's own authenticators. */
public final class TestCallers {

    private TestCallers() {
    }

    /** Several static tokens, each naming its caller. */
    public static Authenticator tokens(Map<String, Caller> callers) {
        return StaticTokens.of(callers.entrySet().stream().map(entry -> new StaticTokens.Token(entry.getKey(), entry.getValue())).toList());
    }

    /** {@code FLEETDIAG_HTTP_TOKEN} as the service reads it: one token that may do anything, subject {@code service-token}. */
    public static Authenticator serviceToken(String token) {
        return AccessSettings.authenticator(ServiceConfig.of(ServiceHttp.DEFAULTS), Map.of(AccessSettings.TOKEN_ENV, token));
    }
}
