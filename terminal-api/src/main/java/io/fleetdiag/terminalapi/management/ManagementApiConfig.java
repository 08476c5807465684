package io.fleetdiag.terminalapi.management;

import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.BaseUrls;
import io.fleetdiag.terminalapi.TrustStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Adyen's Management API. It has its own base URL and its own API key (a credential with the
 * Management API terminal read role), separate from the Terminal API's.
 *
 * @param baseUrl        {@code https://management-test.adyen.com/v3}, {@code https://management-live.adyen.com/v3}
 *                       or the simulator's {@code .../v3}
 * @param allowPlainHttp whether {@code http://} is accepted: only for the simulator
 * @param trustStore     certificates to trust instead of the JVM's; null for the JVM's
 */
public record ManagementApiConfig(URI baseUrl, ApiKey apiKey, Duration requestTimeout, boolean allowPlainHttp,
                                  TrustStore trustStore) {

    public static final String TEST = "https://management-test.adyen.com/v3";
    public static final String LIVE = "https://management-live.adyen.com/v3";
    /** Environment variable holding the Management API key. */
    public static final String KEY_ENV = "MANAGEMENT_API_KEY";
    /** Environment variable naming a file that holds the Management API key. */
    public static final String KEY_FILE_ENV = "MANAGEMENT_API_KEY_FILE";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ManagementApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        baseUrl = BaseUrls.checked(baseUrl, allowPlainHttp);
    }

    /** The base URL a setting names: {@code test}, {@code live} or any URL (the simulator's {@code http://host:port/v3}). */
    public static URI resolve(String setting) {
        String value = setting.trim();
        if (value.contains("://")) {
            return URI.create(value);
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "test" -> URI.create(TEST);
            case "live" -> URI.create(LIVE);
            default -> throw new IllegalArgumentException("Unknown Management API endpoint '" + setting + "': use test, live or a URL");
        };
    }

    /** The key from {@value #KEY_ENV}, else from the file named by {@value #KEY_FILE_ENV}. */
    public static Optional<ApiKey> keyFromEnvironment(Map<String, String> environment) {
        String direct = environment.get(KEY_ENV);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(ApiKey.of(direct));
        }
        String file = environment.get(KEY_FILE_ENV);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(ApiKey.fromFile(Path.of(file)));
    }
}
