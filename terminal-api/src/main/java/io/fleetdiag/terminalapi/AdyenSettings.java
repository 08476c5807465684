package io.fleetdiag.terminalapi;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How a service reaches Adyen: {@code adyen.endpoint} (test, live, live-us, live-au, live-apse or a
 * URL), {@code adyen.flavour} (terminal-api or device-api), {@code adyen.request-timeout},
 * {@code adyen.allow-plain-http} (the simulator only), {@code adyen.truststore} and
 * {@code adyen.truststore-password} (certificates to trust instead of the JVM's). The API key is a secret: it comes from
 * {@code ADYEN_API_KEY}, from the file named by {@code ADYEN_API_KEY_FILE}, or from the file named by
 * the setting {@code adyen.api-key-file}; never from a setting's value. It lives here, beside the client, so a
 * service without the client (the result-processor) does not carry it.
 */
public final class AdyenSettings {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("Adyen (connectivity-poller and diagnosis-dispatcher)")
            .define("adyen.endpoint", SettingType.STRING, "test", SettingCheck.oneOfOrUrl("test", "live", "live-us", "live-au", "live-apse"),
                    "Adyen's region, or the URL of another endpoint (the simulator)")
            .define("adyen.flavour", SettingType.STRING, "terminal-api", SettingCheck.oneOf("terminal-api", "device-api"),
                    "`terminal-api` (`/connectedTerminals`, `/sync`) or `device-api` (Cloud device API `/v1/merchants/...`)")
            .define("adyen.request-timeout", SettingType.DURATION, "180s", SettingCheck.positive(),
                    "per call, above Adyen's ~150 s synchronous window")
            .define("adyen.allow-plain-http", SettingType.BOOLEAN, "false", "`http://` endpoints allowed; only for the simulator")
            .optional("adyen.truststore", SettingType.PATH, "a PKCS12/JKS file of certificates to trust for `https://` instead of the JVM's"
                    + " (a private CA, a TLS-inspecting proxy, the simulator on HTTPS); checked at start")
            .secret("adyen.truststore-password", "the trust store's password, never shown")
            .optional("adyen.api-key-file", SettingType.PATH, "a file holding the API key, when neither `ADYEN_API_KEY` nor"
                    + " `ADYEN_API_KEY_FILE` is set; the key itself is never a setting");
    public static final Map<String, String> DEFAULTS = DEFINITION.defaults();

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
