package io.fleetdiag.processor.reboot;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.management.ManagementApiConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Rebooting terminals from the processor's API through Adyen's terminal actions: {@code reboot.endpoint} (empty: off; {@code test},
 * {@code live} or a URL such as the simulator's {@code http://host:port/v3}) and {@code reboot.company-id} (the company account
 * whose actions {@code GET /companies/{companyId}/terminalActions/{actionId}} follows). The key is the Management API key of
 * {@code MANAGEMENT_API_KEY} or the file named by {@code MANAGEMENT_API_KEY_FILE}, with the terminal actions role.
 */
public record RebootSettings(ManagementApiConfig api, String companyId) {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("reboots (in the processor)")
            .define("reboot.endpoint", SettingType.STRING, "", "the Management API for `ForceReboot` terminal actions: `test`, `live` or a"
                    + " URL such as the simulator's `http://host:port/v3`; empty turns rebooting off (the routes answer 503)")
            .define("reboot.company-id", SettingType.STRING, "", "the company account whose terminal actions are followed")
            .define("reboot.request-timeout", SettingType.DURATION, "30s", SettingCheck.positive(), "per Management API call")
            .define("reboot.allow-plain-http", SettingType.BOOLEAN, "false", "allow an `http://` endpoint (the simulator); Adyen's are https");

    /** Empty when {@code reboot.endpoint} is not set. */
    public static Optional<RebootSettings> from(ServiceConfig config, Map<String, String> environment) {
        String endpoint = config.find("reboot.endpoint").orElse("").trim();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        String company = config.find("reboot.company-id").orElseThrow(() -> new ConfigurationException(
                "reboot.endpoint is set but reboot.company-id is not: name the company account of the terminals"));
        ApiKey key = ManagementApiConfig.keyFromEnvironment(environment).orElseThrow(() -> new ConfigurationException(
                "reboot.endpoint is set but there is no Management API key: set " + ManagementApiConfig.KEY_ENV + ", or "
                        + ManagementApiConfig.KEY_FILE_ENV + " to a file holding it"));
        try {
            return Optional.of(new RebootSettings(new ManagementApiConfig(ManagementApiConfig.resolve(endpoint), key,
                    config.duration("reboot.request-timeout"), Boolean.parseBoolean(config.get("reboot.allow-plain-http")),
                    null), company));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
