package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.ManagedService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Each service is killed with SIGKILL at random moments and started again a few seconds later. Once the
 * chaos is over every service must be running and none may have exited on its own.
 */
public final class Kills implements Fault {

    /** A SIGKILL at {@code at} and the start that follows it, both from the start of the chaos. */
    public record Kill(Duration at, Duration startAgainAt) {
        public Kill {
            if (startAgainAt.compareTo(at) <= 0) {
                throw new IllegalArgumentException("A service starts again after its kill: " + at + ", " + startAgainAt);
            }
        }
    }

    private final List<ManagedService> services;
    private final Map<String, List<Kill>> kills;
    private long notRunning;
    private long exitsOnTheirOwn;

    /** @param kills per service name */
    public Kills(List<ManagedService> services, Map<String, List<Kill>> kills) {
        this.services = List.copyOf(services);
        this.kills = Map.copyOf(kills);
    }

    /** Per service, in the order given, all its kill moments first and then the delay of each start. */
    public static Map<String, List<Kill>> draw(Random random, List<String> services, int perService, Duration chaos) {
        long millis = chaos.toMillis();
        Map<String, List<Kill>> kills = new LinkedHashMap<>();
        for (String service : services) {
            List<Kill> ofService = new ArrayList<>();
            for (Duration at : Moments.spread(random, perService, 10_000, millis - 25_000, 20_000)) {
                ofService.add(new Kill(at, at.plusMillis(2_000 + random.nextInt(3_000))));
            }
            kills.put(service, List.copyOf(ofService));
        }
        return Collections.unmodifiableMap(kills);
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (ManagedService service : services) {
            for (Kill kill : kills.getOrDefault(service.name(), List.of())) {
                steps.add(Step.onTimeline(kill.at(), "SIGKILL " + service.name(), service::kill));
                steps.add(Step.onTimeline(kill.startAgainAt(), "start " + service.name(), service::startAgain));
            }
        }
        return steps;
    }

    /** Counts the services the chaos left down, then starts every one of them again. */
    @Override
    public void end() throws Exception {
        notRunning = services.stream().filter(service -> !service.alive()).count();
        for (ManagedService service : services) {
            service.startAgain();
        }
        exitsOnTheirOwn = services.stream().mapToLong(ManagedService::exitsOnItsOwn).sum();
    }

    @Override
    public List<Verdict.Check> checks() {
        return List.of(new Verdict.Check("services not running at the end of the chaos", notRunning, 0),
                new Verdict.Check("service exits the suite did not cause", exitsOnTheirOwn, 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        services.forEach(service -> counts.put("SIGKILLs of the " + service.name(), service.kills()));
    }
}
