package io.fleetdiag.poller.inventory;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TrustStore;
import io.fleetdiag.terminalapi.management.ManagementApiClient;
import io.fleetdiag.terminalapi.management.ManagementApiConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet-inventory source's settings: {@code inventory.endpoint} (empty: off; {@code test}, {@code live} or a
 * URL such as the simulator's {@code http://host:port/v3}), {@code inventory.refresh-interval},
 * {@code inventory.page-size} (1 to 100), {@code inventory.request-timeout} and {@code inventory.max-removed-share}
 * (a listing that shrank by more than this share of a scope is held as a glitch, not published as removals). The
 * Management API key is a secret: {@code MANAGEMENT_API_KEY}, the file named by {@code MANAGEMENT_API_KEY_FILE} or
 * by the setting {@code inventory.api-key-file}; never a setting's value. Plain HTTP and the trust store follow
 * {@code adyen.allow-plain-http} and {@code adyen.truststore}.
 */
public record InventorySettings(ManagementApiConfig api, Duration refreshInterval, int pageSize, double maxRemovedShare) {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("fleet inventory (in the poller)")
            .define("inventory.endpoint", SettingType.STRING, "",
                    "the Management API: `test`, `live` or a URL such as the simulator's `http://host:port/v3`; empty turns the inventory off")
            .define("inventory.refresh-interval", SettingType.DURATION, "1h", SettingCheck.positive(), "how often the inventory is listed")
            .define("inventory.page-size", SettingType.INT, "100", SettingCheck.between(1, ManagementApiClient.MAX_PAGE_SIZE),
                    "terminals per `GET /v3/terminals` page")
            .define("inventory.request-timeout", SettingType.DURATION, "30s", SettingCheck.positive(), "per Management API call")
            .define("inventory.max-removed-share", SettingType.DOUBLE, "0.5", SettingCheck.between(0, 1),
                    "a listing that shrank by more than this share of a scope is held as a glitch, not published as removals")
            .optional("inventory.api-key-file", SettingType.PATH, "a file holding the Management API key, when `MANAGEMENT_API_KEY`"
                    + " and `MANAGEMENT_API_KEY_FILE` are not set");

    public static Map<String, String> defaults() {
        return DEFINITION.defaults();
    }

    /** Empty when {@code inventory.endpoint} is not set: the poller then runs without the inventory source. */
    public static Optional<InventorySettings> from(ServiceConfig config, Map<String, String> environment) {
        String endpoint = config.find("inventory.endpoint").orElse("").trim();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        if (config.find("inventory.api-key").isPresent()) {
            throw new ConfigurationException("Do not put the Management API key in a setting: give it in " + ManagementApiConfig.KEY_ENV
                    + ", or name a file holding it in " + ManagementApiConfig.KEY_FILE_ENV + " or inventory.api-key-file");
        }
        ApiKey key = ManagementApiConfig.keyFromEnvironment(environment)
                .or(() -> config.find("inventory.api-key-file").map(file -> ApiKey.fromFile(Path.of(file))))
                .orElseThrow(() -> new ConfigurationException("inventory.endpoint is set but there is no Management API key: set "
                        + ManagementApiConfig.KEY_ENV + ", or " + ManagementApiConfig.KEY_FILE_ENV + " to a file holding it"));
        try {
            TrustStore trustStore = config.find("adyen.truststore")
                    .map(path -> new TrustStore(Path.of(path), config.find("adyen.truststore-password").orElse(null)))
                    .orElse(null);
            ManagementApiConfig api = new ManagementApiConfig(ManagementApiConfig.resolve(endpoint), key,
                    config.duration("inventory.request-timeout"), config.find("adyen.allow-plain-http").map(Boolean::parseBoolean).orElse(false),
                    trustStore);
            InventorySettings settings = new InventorySettings(api, config.duration("inventory.refresh-interval"),
                    config.intValue("inventory.page-size"), config.doubleValue("inventory.max-removed-share"));
            if (settings.pageSize() < 1 || settings.pageSize() > ManagementApiClient.MAX_PAGE_SIZE || settings.refreshInterval().isZero()
                    || settings.maxRemovedShare() < 0 || settings.maxRemovedShare() > 1) {
                throw new ConfigurationException("inventory.page-size must be 1 to 100, inventory.refresh-interval positive and"
                        + " inventory.max-removed-share between 0 and 1");
            }
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
