package io.fleetdiag.service;

import io.fleetdiag.terminalapi.AdyenEndpoint;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.terminalapi.TrustStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How a service reaches Adyen: {@code adyen.endpoint} (test, live, live-us, live-au, live-apse or a
 * URL), {@code adyen.flavour} (terminal-api or device-api), {@code adyen.request-timeout},
 * {@code adyen.allow-plain-http} (the simulator only), {@code adyen.truststore} and
 * {@code adyen.truststore-password} (certificates to trust instead of the JVM's). The API key is a secret: it comes from
 * {@code ADYEN_API_KEY}, from the file named by {@code ADYEN_API_KEY_FILE}, or from the file named by
 * the setting {@code adyen.api-key-file}; never from a setting's value.
 */
public final class AdyenSettings {

    public static final Map<String, String> DEFAULTS = Map.of(
            "adyen.endpoint", "test",
            "adyen.flavour", "terminal-api",
            "adyen.request-timeout", "180s",
            "adyen.allow-plain-http", "false");

    private AdyenSettings() {
    }

    public static TerminalApiConfig terminalApi(ServiceConfig config, Map<String, String> environment) {
        if (config.find("adyen.api-key").isPresent()) {
            throw new ConfigurationException("Do not put the Adyen API key in a setting: give it in " + ApiKey.ENV
                    + ", or name a file holding it in " + ApiKey.FILE_ENV + " or adyen.api-key-file");
        }
        ApiKey key = ApiKey.fromEnvironment(environment)
                .or(() -> config.find("adyen.api-key-file").map(file -> ApiKey.fromFile(Path.of(file))))
                .orElseThrow(() -> new ConfigurationException("No Adyen API key: set " + ApiKey.ENV + ", or " + ApiKey.FILE_ENV
                        + " to a file holding it"));
        ApiFlavour flavour = switch (config.get("adyen.flavour").toLowerCase(Locale.ROOT)) {
            case "terminal-api" -> ApiFlavour.TERMINAL_API;
            case "device-api" -> ApiFlavour.DEVICE_API;
            default -> throw new ConfigurationException("adyen.flavour must be terminal-api or device-api, not " + config.get("adyen.flavour"));
        };
        try {
            TrustStore trustStore = config.find("adyen.truststore")
                    .map(path -> new TrustStore(Path.of(path), config.find("adyen.truststore-password").orElse(null)))
                    .orElse(null);
            if (trustStore != null) {
                // a store that cannot be read stops the start, naming the setting, not the first call
                trustStore.sslContext();
            }
            return new TerminalApiConfig(AdyenEndpoint.resolve(config.get("adyen.endpoint"), flavour), flavour, key,
                    config.duration("adyen.request-timeout"), TerminalApiConfig.DEFAULT_CONNECT_TIMEOUT,
                    config.bool("adyen.allow-plain-http"), trustStore);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
