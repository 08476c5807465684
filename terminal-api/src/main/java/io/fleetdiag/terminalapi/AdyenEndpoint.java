package io.fleetdiag.terminalapi;

import java.net.URI;
import java.util.Locale;

/** Adyen's hosts for both API flavours: test, and live per data centre. */
public enum AdyenEndpoint {
    TEST("https://terminal-api-test.adyen.com", "https://device-api-test.adyen.com"),
    LIVE("https://terminal-api-live.adyen.com", "https://device-api-live.adyen.com"),
    LIVE_US("https://terminal-api-live-us.adyen.com", "https://device-api-live-us.adyen.com"),
    LIVE_AU("https://terminal-api-live-au.adyen.com", "https://device-api-live-au.adyen.com"),
    LIVE_APSE("https://terminal-api-live-apse.adyen.com", "https://device-api-live-apse.adyen.com");

    private final URI terminalApi;
    private final URI deviceApi;

    AdyenEndpoint(String terminalApi, String deviceApi) {
        this.terminalApi = URI.create(terminalApi);
        this.deviceApi = URI.create(deviceApi);
    }

    public URI baseUrl(ApiFlavour flavour) {
        return flavour == ApiFlavour.TERMINAL_API ? terminalApi : deviceApi;
    }

    /**
     * The base URL named by a setting: an endpoint name ({@code test}, {@code live}, {@code live-us},
     * {@code live-au}, {@code live-apse}) or any URL, such as the simulator's.
     */
    public static URI resolve(String setting, ApiFlavour flavour) {
        String value = setting.trim();
        if (value.contains("://")) {
            return URI.create(value);
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')).baseUrl(flavour);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Adyen endpoint '" + setting
                    + "': use test, live, live-us, live-au, live-apse or a URL", e);
        }
    }
}
