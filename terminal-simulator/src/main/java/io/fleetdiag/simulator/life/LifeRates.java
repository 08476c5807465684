package io.fleetdiag.simulator.life;

import io.fleetdiag.simulator.fleet.AsyncCaptureFailure;
import io.fleetdiag.simulator.fleet.AttestationProblem;
import io.fleetdiag.simulator.fleet.Battery;
import io.fleetdiag.simulator.fleet.Busy;
import io.fleetdiag.simulator.fleet.CommunicationFault;
import io.fleetdiag.simulator.fleet.Episodes;
import io.fleetdiag.simulator.fleet.Hang;
import io.fleetdiag.simulator.fleet.Maintenance;
import io.fleetdiag.simulator.fleet.NetworkTrouble;
import io.fleetdiag.simulator.fleet.Offline;
import io.fleetdiag.simulator.fleet.PaperOut;
import io.fleetdiag.simulator.fleet.Range;
import io.fleetdiag.simulator.fleet.SdkExpiry;
import io.fleetdiag.simulator.fleet.StoreAndForward;
import io.fleetdiag.simulator.fleet.Tamper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the simulated fleet lives: each trouble's rates, per terminal per hour, and how long its
 * episodes last. An episode only starts on a model it applies to (paper on printers, tamper on
 * UX300/UX410, the mobile episodes on Mobile SDK installations). A hang keeps the terminal's WebSocket
 * up while it answers nothing; a store outage takes every terminal of a store offline at once (its
 * rate is per store).
 *
 * <p>Profiles: {@code static} (nothing changes unless the admin API says so: for tests),
 * {@code realistic} (a shop floor at real speed), {@code demo} (every alert type within minutes).
 */
public record LifeRates(
        Busy.Rates sales,
        Offline.Rates disconnects,
        PaperOut.Rates paperOuts,
        NetworkTrouble.Rates networkTroubles,
        Tamper.Rates tampers,
        CommunicationFault.Rates communicationFaults,
        Maintenance.Rates maintenances,
        Battery.Rates battery,
        AttestationProblem.Rates attestationProblems,
        StoreAndForward.Rates storeAndForward,
        AsyncCaptureFailure.Rates asyncCaptureFailures,
        Hang.Rates hangs,
        Offline.StoreOutages storeOutages,
        SdkExpiry.Rates sdkExpiry) {

    public LifeRates {
        Objects.requireNonNull(sales, "sales");
        Objects.requireNonNull(disconnects, "disconnects");
        Objects.requireNonNull(paperOuts, "paperOuts");
        Objects.requireNonNull(networkTroubles, "networkTroubles");
        Objects.requireNonNull(tampers, "tampers");
        Objects.requireNonNull(communicationFaults, "communicationFaults");
        Objects.requireNonNull(maintenances, "maintenances");
        Objects.requireNonNull(battery, "battery");
        Objects.requireNonNull(attestationProblems, "attestationProblems");
        Objects.requireNonNull(storeAndForward, "storeAndForward");
        Objects.requireNonNull(asyncCaptureFailures, "asyncCaptureFailures");
        Objects.requireNonNull(hangs, "hangs");
        Objects.requireNonNull(storeOutages, "storeOutages");
        Objects.requireNonNull(sdkExpiry, "sdkExpiry");
    }

    /**
     * The episodes a tick starts on single terminals, in the order it draws them: another order gives a
     * seed another life (SeededLifeTest).
     */
    public List<Episodes> episodes() {
        return List.of(sales, disconnects, paperOuts, networkTroubles, tampers, communicationFaults, maintenances,
                attestationProblems, storeAndForward, asyncCaptureFailures, hangs);
    }

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
        return new LifeRates(
                new Busy.Rates(0, none),
                new Offline.Rates(0, none),
                new PaperOut.Rates(0, none),
                new NetworkTrouble.Rates(0, none, none),
                new Tamper.Rates(0, 0),
                new CommunicationFault.Rates(0, none),
                new Maintenance.Rates(0, none),
                new Battery.Rates(0, 0, Range.of(15, 15)),
                new AttestationProblem.Rates(0, none),
                new StoreAndForward.Rates(0, none, Range.of(24, 24)),
                new AsyncCaptureFailure.Rates(0, none),
                new Hang.Rates(0, none),
                new Offline.StoreOutages(0, none),
                new SdkExpiry.Rates(0));
    }

    /** A busy shop floor: a sale every ten minutes, a lost connection every two days, paper out twice a week. */
    public static LifeRates realistic() {
        return new LifeRates(
                new Busy.Rates(6, Range.of(20, 90)),
                new Offline.Rates(0.02, Range.of(2, 30)),
                new PaperOut.Rates(0.01, Range.of(5, 60)),
                new NetworkTrouble.Rates(0.005, Range.of(10, 60), Range.of(1, 6)),
                new Tamper.Rates(0.0001, 0),
                new CommunicationFault.Rates(0.001, Range.of(5, 30)),
                new Maintenance.Rates(0.002, Range.of(5, 20)),
                new Battery.Rates(4, 40, Range.of(8, 35)),
                new AttestationProblem.Rates(0.002, Range.of(30, 120)),
                new StoreAndForward.Rates(0.005, Range.of(20, 240), Range.of(2, 24)),
                new AsyncCaptureFailure.Rates(0.002, Range.of(10, 60)),
                new Hang.Rates(0.0005, Range.of(10, 120)),
                new Offline.StoreOutages(0.0002, Range.of(10, 60)),
                new SdkExpiry.Rates(0.05));
    }

    /** Compressed time: on a thousand terminals every kind of episode shows within a few minutes. */
    public static LifeRates demo() {
        return new LifeRates(
                new Busy.Rates(30, Range.of(2, 8)),
                new Offline.Rates(0.5, Range.of(0.5, 2)),
                new PaperOut.Rates(1, Range.of(1, 4)),
                new NetworkTrouble.Rates(0.5, Range.of(1, 3), Range.of(1, 6)),
                new Tamper.Rates(0.5, 5),
                new CommunicationFault.Rates(0.3, Range.of(0.5, 2)),
                new Maintenance.Rates(0.3, Range.of(0.5, 1.5)),
                new Battery.Rates(90, 180, Range.of(8, 30)),
                new AttestationProblem.Rates(1, Range.of(1, 3)),
                new StoreAndForward.Rates(1, Range.of(1, 3), Range.of(0.5, 3)),
                new AsyncCaptureFailure.Rates(1, Range.of(1, 3)),
                new Hang.Rates(0.2, Range.of(4, 8)),
                new Offline.StoreOutages(0.3, Range.of(2, 4)),
                new SdkExpiry.Rates(0.1));
    }
}
