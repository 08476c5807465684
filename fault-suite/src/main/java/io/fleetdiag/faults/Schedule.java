package io.fleetdiag.faults;

import io.fleetdiag.faults.episodes.Episode;
import io.fleetdiag.faults.inject.BrokerRestarts;
import io.fleetdiag.faults.inject.Conditions;
import io.fleetdiag.faults.inject.Kills;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What the seed decides, drawn from one {@link Random} in a fixed order: the API key first (the services
 * need it to start), then the conditions, the broker's stops, each service's kills. A new draw goes last,
 * or every seed's schedule changes ({@code ScheduleTest} pins it).
 *
 * @param kills per service name, in the order of the services
 */
record Schedule(List<Episode> episodes, List<Duration> brokerStops, Map<String, List<Kills.Kill>> kills) {

    /** Shaped like an Adyen key, and found nowhere else, so a grep for it finds only leaks. */
    static String apiKey(Random random) {
        byte[] keyBytes = new byte[20];
        random.nextBytes(keyBytes);
        return "AQE" + HexFormat.of().formatHex(keyBytes);
    }

    /** Everything after the API key; {@code terminals} and {@code conditions} are the simulator's fleet. */
    static Schedule draw(Random random, FaultSuiteSize size, List<Terminal> terminals, Function<String, Condition> conditions,
                         List<String> services) {
        List<Episode> episodes = Conditions.draw(random, terminals, conditions, size.episodes, size.chaos);
        List<Duration> brokerStops = BrokerRestarts.draw(random, size.brokerRestarts, size.chaos);
        return new Schedule(episodes, brokerStops, Kills.draw(random, services, size.killsPerService, size.chaos));
    }
}
