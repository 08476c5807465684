package io.fleetdiag.simulator.fleet;

/**
 * Device models of the reference documents and what each answers in a DiagnosisResponse: V400m is
 * battery-powered with a printer, P400Plus uses P2PE and has neither battery nor printer, UX300 and
 * UX410 report tamperStatus, and Mobile SDK installations report the mobile keys.
 */
public enum Model {
    V400M("V400m", true, true, false, false, Platform.NONE),
    P400PLUS("P400Plus", false, false, true, false, Platform.NONE),
    MX915("MX915", false, true, false, false, Platform.NONE),
    MX925("MX925", false, true, false, false, Platform.NONE),
    UX410("UX410", false, false, false, true, Platform.NONE),
    UX300("UX300", false, false, false, true, Platform.NONE),
    MOBILE_ANDROID("Mobile SDK (Android)", false, false, false, false, Platform.ANDROID),
    MOBILE_IOS("Mobile SDK (iOS)", false, false, false, false, Platform.IOS);

    /** Mobile SDK platform; asyncCaptureStatus is only reported on iOS. */
    public enum Platform { NONE, ANDROID, IOS }

    private final String label;
    private final boolean battery;
    private final boolean printer;
    private final boolean p2pe;
    private final boolean tamperSwitch;
    private final Platform platform;

    Model(String label, boolean battery, boolean printer, boolean p2pe, boolean tamperSwitch, Platform platform) {
        this.label = label;
        this.battery = battery;
        this.printer = printer;
        this.p2pe = p2pe;
        this.tamperSwitch = tamperSwitch;
        this.platform = platform;
    }

    public String label() {
        return label;
    }

    public boolean battery() {
        return battery;
    }

    public boolean printer() {
        return printer;
    }

    public boolean p2pe() {
        return p2pe;
    }

    public boolean tamperSwitch() {
        return tamperSwitch;
    }

    public boolean mobile() {
        return platform != Platform.NONE;
    }

    public Platform platform() {
        return platform;
    }
}
