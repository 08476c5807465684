package io.fleetdiag.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * How big each scenario runs. {@code smoke} only proves the harness works (CI); {@code default} is the
 * documented run, under 10 minutes on 2 cores; {@code full} adds the 100,000-terminal sweep.
 *
 * @param processorTerminals terminals whose results the processor benchmarks replay
 * @param processorRounds    results per terminal
 * @param sweepTerminals     terminals the dispatcher diagnoses in one sweep
 * @param sweepLatency       the simulator's median diagnosis latency during the sweep
 * @param pollerTerminals    terminals in the one /connectedTerminals answer the poller publishes
 * @param pollerPolls        polls measured
 * @param endToEndTerminals  terminals of the local run the end-to-end latencies are measured on
 * @param endToEndSamples    terminals taken offline, and terminals given a printer fault
 * @param footprintTerminals terminals of the local run whose memory is measured
 * @param footprintObserve   how long the local run is watched after it shows live terminals
 * @param lakeRecords        records of each lake topic (diagnosis results, alerts) the lake benchmark ingests
 * @param lakeDelaySamples   alerts whose delay until they are queryable in the lake is measured
 * @param presenceTerminals  terminals of the static scope whose snapshots the presence benchmark lists
 * @param presenceSnapshots  snapshots of that scope: the first makes every terminal appear, the rest change nothing
 * @param notifierAlerts     alert edges (RAISED and RESOLVED) in the burst the notifier delivers to a webhook
 * @param notifierSamples    alerts sent one at a time whose delay to the webhook is measured
 * @param soak               the soak's fleet, cadence and length; at sizes above smoke it runs only when named with --only
 */
public enum BenchmarkSize {
    SMOKE(200, 5, 300, Duration.ofMillis(100), 2_000, 2, 200, 5, 500, Duration.ofSeconds(10), 200, 2, 2_000, 3, 400, 20,
            new Soak(300, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(45), Duration.ZERO)),
    DEFAULT(10_000, 20, 10_000, Duration.ofSeconds(1), 100_000, 4, 2_000, 100, 10_000, Duration.ofSeconds(90), 25_000, 5, 100_000, 5,
            10_000, 400,
            Soak.ADYEN),
    FULL(20_000, 25, 100_000, Duration.ofSeconds(1), 100_000, 10, 10_000, 500, 10_000, Duration.ofSeconds(180), 100_000, 9, 1_000_000, 5,
            40_000, 1_000,
            Soak.ADYEN);

    /**
     * The soak's fleet, poll and check intervals and measured length.
     *
     * @param length how long it is measured, after the services are up and the first snapshot is in
     * @param outage how long the dispatcher is stopped after the measured window (then the catch-up is measured); zero: no outage
     */
    public record Soak(int terminals, Duration pollInterval, Duration checkInterval, Duration length, Duration outage) {

        /** 100,000 terminals at Adyen's cadence for half an hour (issue 23), no outage. */
        public static final Soak ADYEN = new Soak(100_000, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ZERO);

        public Soak {
            if (terminals < 1 || pollInterval.isNegative() || pollInterval.isZero() || checkInterval.isNegative() || checkInterval.isZero()
                    || length.isNegative() || length.isZero() || outage == null || outage.isNegative()) {
                throw new IllegalArgumentException("A soak needs terminals, positive intervals and length, and an outage of at least 0");
            }
        }

        /** This soak with another fleet, length or outage, as --terminals, --minutes and --outage-minutes give them (null keeps the size's). */
        public Soak with(Integer fleet, Integer minutes, Integer outageMinutes) {
            return new Soak(fleet == null ? terminals : fleet, pollInterval, checkInterval,
                    minutes == null ? length : Duration.ofMinutes(minutes), outageMinutes == null ? outage : Duration.ofMinutes(outageMinutes));
        }
    }

    public final int processorTerminals;
    public final int processorRounds;
    public final int sweepTerminals;
    public final Duration sweepLatency;
    public final int pollerTerminals;
    public final int pollerPolls;
    public final int endToEndTerminals;
    public final int endToEndSamples;
    public final int footprintTerminals;
    public final Duration footprintObserve;
    public final int lakeRecords;
    public final int lakeDelaySamples;
    public final int presenceTerminals;
    public final int presenceSnapshots;
    public final int notifierAlerts;
    public final int notifierSamples;
    public final Soak soak;

    BenchmarkSize(int processorTerminals, int processorRounds, int sweepTerminals, Duration sweepLatency, int pollerTerminals,
                  int pollerPolls, int endToEndTerminals, int endToEndSamples, int footprintTerminals, Duration footprintObserve,
                  int lakeRecords, int lakeDelaySamples, int presenceTerminals, int presenceSnapshots, int notifierAlerts, int notifierSamples, Soak soak) {
        this.processorTerminals = processorTerminals;
        this.processorRounds = processorRounds;
        this.sweepTerminals = sweepTerminals;
        this.sweepLatency = sweepLatency;
        this.pollerTerminals = pollerTerminals;
        this.pollerPolls = pollerPolls;
        this.endToEndTerminals = endToEndTerminals;
        this.endToEndSamples = endToEndSamples;
        this.footprintTerminals = footprintTerminals;
        this.footprintObserve = footprintObserve;
        this.lakeRecords = lakeRecords;
        this.lakeDelaySamples = lakeDelaySamples;
        this.presenceTerminals = presenceTerminals;
        this.presenceSnapshots = presenceSnapshots;
        this.notifierAlerts = notifierAlerts;
        this.notifierSamples = notifierSamples;
        this.soak = soak;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
