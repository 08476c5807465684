package io.fleetdiag.simulator.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The terminals of Adyen's reference examples, with the values the examples show: merchant account
 * ADYEN_MERCHANT_ACCOUNT; V400m-346403161 (battery 100 %, 192.168.2.2 on wlan0) and P400Plus-275426191
 * (P2PE, 172.17.125.30 on eth0) in store YOUR_STORE with the Mobile SDK installations; the five
 * terminals of the /connectedTerminals example in store YOUR_STORE_ID.
 */
public final class ReferenceTerminals {

    public static final String MERCHANT_ACCOUNT = "ADYEN_MERCHANT_ACCOUNT";
    public static final String DIAGNOSIS_STORE = "YOUR_STORE";
    public static final String CONNECTED_STORE = "YOUR_STORE_ID";
    public static final List<String> CONNECTED_EXAMPLE = List.of(
            "MX915-284251016", "MX925-260390740", "V400m-324688136", "V400m-324688178", "V400m-324688181");

    private static final String WLAN_192_168_2_2 = "WyB7ICJBZGRyZXNzIjogIjE5Mi4xNjguMi4yIiwgIklmYWNlIjogIndsYW4wIiB9IF0=";
    private static final String ETH_172_17_125_30 = "WyB7ICJBZGRyZXNzIjogIjE3Mi4xNy4xMjUuMzAiLCAiSWZhY2UiOiAiZXRoMCIgfSBd";

    private ReferenceTerminals() {
    }

    static List<Terminal> create(Instant now) {
        Instant sdkExpiry = now.plus(Duration.ofDays(180));
        return List.of(
                new Terminal("V400m-346403161", MERCHANT_ACCOUNT, DIAGNOSIS_STORE, Model.V400M, WLAN_192_168_2_2, 100, 15, null),
                new Terminal("P400Plus-275426191", MERCHANT_ACCOUNT, DIAGNOSIS_STORE, Model.P400PLUS, ETH_172_17_125_30, 100, 15, null),
                new Terminal("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924", MERCHANT_ACCOUNT, DIAGNOSIS_STORE, Model.MOBILE_IOS,
                        WLAN_192_168_2_2, 100, 15, sdkExpiry),
                new Terminal("SDK_INSTALLATION_ID", MERCHANT_ACCOUNT, DIAGNOSIS_STORE, Model.MOBILE_ANDROID,
                        WLAN_192_168_2_2, 100, 15, sdkExpiry),
                new Terminal("MX915-284251016", MERCHANT_ACCOUNT, CONNECTED_STORE, Model.MX915, ETH_172_17_125_30, 100, 15, null),
                new Terminal("MX925-260390740", MERCHANT_ACCOUNT, CONNECTED_STORE, Model.MX925, ETH_172_17_125_30, 100, 15, null),
                new Terminal("V400m-324688136", MERCHANT_ACCOUNT, CONNECTED_STORE, Model.V400M, WLAN_192_168_2_2, 80, 15, null),
                new Terminal("V400m-324688178", MERCHANT_ACCOUNT, CONNECTED_STORE, Model.V400M, WLAN_192_168_2_2, 80, 15, null),
                new Terminal("V400m-324688181", MERCHANT_ACCOUNT, CONNECTED_STORE, Model.V400M, WLAN_192_168_2_2, 80, 15, null));
    }
}
