package io.fleetdiag.service.fleet;

import java.util.regex.Pattern;

/**
 * Which POIIDs are Mobile SDK installations, the one rule every service applies before it has seen
 * an answer (see docs/alerts-escalation.md). A payment terminal's POIID is
 * {@code [device model]-[serial number]} (V400m-346403161, P400Plus-275426191, UX300-...); a Mobile
 * SDK installation's is its installation ID (AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924, or a
 * placeholder such as SDK_INSTALLATION_ID in Adyen's examples). Anything that is not of the terminal
 * form counts as an installation: a terminal taken for one only gets a host diagnosis it did not
 * need, while an installation taken for a terminal would never connect to Adyen when diagnosed.
 */
public final class MobileSdk {

    private static final Pattern TERMINAL_POIID = Pattern.compile("[A-Za-z][A-Za-z0-9]*-[0-9]+");

    private MobileSdk() {
    }

    public static boolean isInstallation(String poiid) {
        return poiid != null && !TERMINAL_POIID.matcher(poiid).matches();
    }

    /**
     * The HostDiagnosisFlag a check of this POIID needs: with false a Mobile SDK does not connect to
     * Adyen (no attestation, no forwarding of stored offline payments, no capture retry), so every
     * check of an installation asks for host diagnosis; a terminal keeps what was asked.
     */
    public static boolean hostDiagnosis(String poiid, boolean asked) {
        return asked || isInstallation(poiid);
    }
}
