package io.fleetdiag.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * How hard the suite pushes. {@code smoke} is CI's reduced run; {@code default} the documented one.
 *
 * @param terminals        the simulated fleet
 * @param chaos            how long services are killed, the broker restarted and the simulator misbehaves
 * @param killsPerService  SIGKILLs of each service during the chaos, each followed by a restart
 * @param brokerRestarts   times the broker stops and starts again
 * @param brokerDown       how long it stays down each time
 * @param garbagePerTopic  malformed records written into each input topic
 * @param episodes         terminals given a condition that is later cleared
 * @param rebootTerminals  terminals that restart inside the processor's reboot window
 * @param rebootWindow     the length of that window
 * @param rebootAway       how long each of them stays off the cloud (less than the window)
 * @param receiverOutage   how long the notifier's webhook receiver is down
 * @param floodTerminals   terminals whose one event notification is resent 10 times
 * @param forgedWebhooks   forged Management webhooks sent to the poller
 */
public enum FaultSuiteSize {
    SMOKE(600, Duration.ofSeconds(80), 1, 1, Duration.ofSeconds(8), 100, 12, 20, Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofSeconds(20), 20, 8),
    DEFAULT(3_000, Duration.ofSeconds(240), 3, 2, Duration.ofSeconds(12), 1_000, 60, 60, Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(60), 50, 20);

    public final int terminals;
    public final Duration chaos;
    public final int killsPerService;
    public final int brokerRestarts;
    public final Duration brokerDown;
    public final int garbagePerTopic;
    public final int episodes;
    public final int rebootTerminals;
    public final Duration rebootWindow;
    public final Duration rebootAway;
    public final Duration receiverOutage;
    public final int floodTerminals;
    public final int forgedWebhooks;

    FaultSuiteSize(int terminals, Duration chaos, int killsPerService, int brokerRestarts, Duration brokerDown, int garbagePerTopic,
                   int episodes, int rebootTerminals, Duration rebootWindow, Duration rebootAway, Duration receiverOutage,
                   int floodTerminals, int forgedWebhooks) {
        this.terminals = terminals;
        this.chaos = chaos;
        this.killsPerService = killsPerService;
        this.brokerRestarts = brokerRestarts;
        this.brokerDown = brokerDown;
        this.garbagePerTopic = garbagePerTopic;
        this.episodes = episodes;
        this.rebootTerminals = rebootTerminals;
        this.rebootWindow = rebootWindow;
        this.rebootAway = rebootAway;
        this.receiverOutage = receiverOutage;
        this.floodTerminals = floodTerminals;
        this.forgedWebhooks = forgedWebhooks;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
