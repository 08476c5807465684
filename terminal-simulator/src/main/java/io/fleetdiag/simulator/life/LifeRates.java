package io.fleetdiag.simulator.life;

import java.util.Locale;

/**
 * How the simulated fleet lives: per-terminal episode rates per hour and how long episodes last. An
 * episode only starts on a model it applies to (paper on printers, tamper on UX300/UX410, the
 * mobile episodes on Mobile SDK installations). A hang keeps the terminal's WebSocket up while it
 * answers nothing; a store outage takes every terminal of a store offline at once (its rate is per store).
 *
 * <p>Profiles: {@code static} (nothing changes unless the admin API says so: for tests),
 * {@code realistic} (a shop floor at real speed), {@code demo} (every alert type within minutes).
 */
public record LifeRates(
        double salesPerHour, Range saleSeconds,
        double disconnectsPerHour, Range disconnectMinutes,
        double paperOutsPerHour, Range paperRefillMinutes,
        double networkTroublesPerHour, Range networkTroubleMinutes, Range unconfirmedPayments,
        double tampersPerHour, double tamperRecoveryMinutes,
        double communicationFaultsPerHour, Range communicationFaultMinutes,
        double maintenancesPerHour, Range maintenanceMinutes,
        double batteryDrainPercentPerHour, double batteryChargePercentPerHour, Range dockAtPercent,
        double attestationProblemsPerHour, Range attestationProblemMinutes,
        double storeAndForwardPerHour, Range storeAndForwardMinutes, Range offlineExpiryHours,
        double asyncCaptureFailuresPerHour, Range asyncCaptureFailureMinutes,
        double hangsPerHour, Range hangMinutes,
        double storeOutagesPerHour, Range storeOutageMinutes,
        double sdkExpiringFraction) {

    public static LifeRates named(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "static" -> staticFleet();
            case "realistic" -> realistic();
            case "demo" -> demo();
            default -> throw new IllegalArgumentException("Unknown simulator profile '" + profile + "': use static, realistic or demo");
        };
    }

    /** Nothing happens by itself; the admin API sets every condition. */
    public static LifeRates staticFleet() {
        Range none = Range.of(0, 0);
        return new LifeRates(0, none, 0, none, 0, none, 0, none, none, 0, 0, 0, none, 0, none,
                0, 0, Range.of(15, 15), 0, none, 0, none, Range.of(24, 24), 0, none, 0, none, 0, none, 0);
    }

    /** A busy shop floor: a sale every ten minutes, a lost connection every two days, paper out twice a week. */
    public static LifeRates realistic() {
        return new LifeRates(
                6, Range.of(20, 90),
                0.02, Range.of(2, 30),
                0.01, Range.of(5, 60),
                0.005, Range.of(10, 60), Range.of(1, 6),
                0.0001, 0,
                0.001, Range.of(5, 30),
                0.002, Range.of(5, 20),
                4, 40, Range.of(8, 35),
                0.002, Range.of(30, 120),
                0.005, Range.of(20, 240), Range.of(2, 24),
                0.002, Range.of(10, 60),
                0.0005, Range.of(10, 120),
                0.0002, Range.of(10, 60),
                0.05);
    }

    /** Compressed time: on a thousand terminals every kind of episode shows within a few minutes. */
    public static LifeRates demo() {
        return new LifeRates(
                30, Range.of(2, 8),
                0.5, Range.of(0.5, 2),
                1, Range.of(1, 4),
                0.5, Range.of(1, 3), Range.of(1, 6),
                0.5, 5,
                0.3, Range.of(0.5, 2),
                0.3, Range.of(0.5, 1.5),
                90, 180, Range.of(8, 30),
                1, Range.of(1, 3),
                1, Range.of(1, 3), Range.of(0.5, 3),
                1, Range.of(1, 3),
                0.2, Range.of(4, 8),
                0.3, Range.of(2, 4),
                0.1);
    }
}
