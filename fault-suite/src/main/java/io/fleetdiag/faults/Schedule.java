package io.fleetdiag.faults;

import io.fleetdiag.faults.episodes.Episode;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
record Schedule(List<Episode> episodes, List<Duration> brokerStops, Map<String, List<Kill>> kills) {

    /** A SIGKILL at {@code at} and the start that follows it, both from the start of the chaos. */
    record Kill(Duration at, Duration startAgainAt) {
    }

    /** Shaped like an Adyen key, and found nowhere else, so a grep for it finds only leaks. */
    static String apiKey(Random random) {
        byte[] keyBytes = new byte[20];
        random.nextBytes(keyBytes);
        return "AQE" + HexFormat.of().formatHex(keyBytes);
    }

    /** Everything after the API key; {@code terminals} and {@code conditions} are the simulator's fleet. */
    static Schedule draw(Random random, FaultSuiteSize size, List<Terminal> terminals, Function<String, Condition> conditions,
                         List<String> services) {
        List<Episode> episodes = episodes(random, size, terminals, conditions);
        long chaos = size.chaos.toMillis();
        List<Duration> brokerStops = spread(random, size.brokerRestarts, chaos / 6, chaos - 30_000, 25_000);
        Map<String, List<Kill>> kills = new LinkedHashMap<>();
        for (String service : services) {
            List<Kill> ofService = new ArrayList<>();
            for (Duration at : spread(random, size.killsPerService, 10_000, chaos - 25_000, 20_000)) {
                ofService.add(new Kill(at, at.plusMillis(2_000 + random.nextInt(3_000))));
            }
            kills.put(service, List.copyOf(ofService));
        }
        return new Schedule(List.copyOf(episodes), brokerStops, Collections.unmodifiableMap(kills));
    }

    private static List<Episode> episodes(Random random, FaultSuiteSize size, List<Terminal> terminals, Function<String, Condition> conditions) {
        List<Terminal> candidates = new ArrayList<>(terminals.stream().filter(terminal -> !terminal.model().mobile()).toList());
        Collections.shuffle(candidates, random);
        long chaos = size.chaos.toMillis();
        List<Episode> episodes = new ArrayList<>();
        for (Terminal terminal : candidates) {
            if (episodes.size() == size.episodes) {
                break;
            }
            long setAt = chaos / 20 + (long) (random.nextDouble() * chaos / 2);
            long clearAt = Math.min(setAt + 25_000 + random.nextInt(15_000), chaos * 9 / 10);
            Episode episode = Episode.forTerminal(terminal, conditions.apply(terminal.poiid()), episodes.size(),
                    Duration.ofMillis(setAt), Duration.ofMillis(clearAt));
            if (episode != null) {
                episodes.add(episode);
            }
        }
        return episodes;
    }

    /** {@code count} moments in [from, to] milliseconds, at least {@code gap} apart. */
    private static List<Duration> spread(Random random, int count, long from, long to, long gap) {
        List<Duration> moments = new ArrayList<>();
        long slot = (to - from) / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            long start = from + i * slot;
            moments.add(Duration.ofMillis(start + (slot > gap ? (long) (random.nextDouble() * (slot - gap)) : 0)));
        }
        return List.copyOf(moments);
    }
}
