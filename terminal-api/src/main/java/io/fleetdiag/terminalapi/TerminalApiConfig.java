package io.fleetdiag.terminalapi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Adyen.
 *
 * @param baseUrl         e.g. {@code https://terminal-api-test.adyen.com} or the simulator's URL
 * @param requestTimeout  per call; above Adyen's ~150 s synchronous window so a slow terminal is not cut off
 * @param allowPlainHttp  whether {@code http://} is accepted: only for the simulator
 * @param trustStore      the certificates to trust for {@code https://} instead of the JVM's; null for the JVM's
 */
public record TerminalApiConfig(URI baseUrl, ApiFlavour flavour, ApiKey apiKey, Duration requestTimeout,
                                Duration connectTimeout, boolean allowPlainHttp, TrustStore trustStore) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public TerminalApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        baseUrl = BaseUrls.checked(baseUrl, allowPlainHttp);
    }

    public static TerminalApiConfig of(URI baseUrl, ApiFlavour flavour, ApiKey apiKey) {
        return of(baseUrl, flavour, apiKey, false);
    }

    public static TerminalApiConfig of(URI baseUrl, ApiFlavour flavour, ApiKey apiKey, boolean allowPlainHttp) {
        return new TerminalApiConfig(baseUrl, flavour, apiKey, DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, allowPlainHttp, null);
    }

    public TerminalApiConfig withRequestTimeout(Duration timeout) {
        return new TerminalApiConfig(baseUrl, flavour, apiKey, timeout, connectTimeout, allowPlainHttp, trustStore);
    }

    public TerminalApiConfig withTrustStore(TrustStore store) {
        return new TerminalApiConfig(baseUrl, flavour, apiKey, requestTimeout, connectTimeout, allowPlainHttp, store);
    }
}
