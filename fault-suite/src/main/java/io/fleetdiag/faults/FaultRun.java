package io.fleetdiag.faults;

import io.fleetdiag.faults.cluster.RestartableBroker;
import io.fleetdiag.faults.hostile.Callers;
import io.fleetdiag.faults.hostile.Hostile;
import io.fleetdiag.faults.inject.BrokerRestarts;
import io.fleetdiag.faults.inject.Conditions;
import io.fleetdiag.faults.inject.Fault;
import io.fleetdiag.faults.inject.Garbage;
import io.fleetdiag.faults.inject.Kills;
import io.fleetdiag.faults.inject.Misbehaviour;
import io.fleetdiag.faults.inject.Overload;
import io.fleetdiag.faults.inject.ReceiverOutage;
import io.fleetdiag.faults.inject.Reboot;
import io.fleetdiag.faults.inject.SignalFlood;
import io.fleetdiag.faults.inject.Storm;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Delivery;
import io.fleetdiag.faults.report.Leaks;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.faults.services.ManagedService;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.SchemaRegistryProcess;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * One run of the fault suite: the real broker in this JVM, the registry and the three services as
 * processes of their own, the simulator with a static fleet. During the chaos phase each fault of
 * {@link #faults} plays its steps: each service is killed with SIGKILL and started again, the broker
 * stops and starts, the simulator misbehaves for a while, garbage lands in every input topic, terminals
 * get conditions that are later cleared, one merchant account's /connectedTerminals answers are empty for
 * 30 s (an empty-answer storm), terminals of another restart inside the processor's reboot window, and terminals
 * resend each event notification 10 times while, after the chaos, forged Management webhooks arrive (a signal flood).
 * The {@link OptionalPhase}s asked for join them. Then the suite lets the system settle, hostile clients attack the
 * processor's API (its callers hold static tokens), and it counts.
 */
public final class FaultRun {

    private static final Duration SETTLE = Duration.ofMinutes(5);

    private final FaultSuiteSize size;
    private final long seed;
    private final Path workDir;
    private final PrintStream progress;
    private final Set<OptionalPhase> optional;

    public FaultRun(FaultSuiteSize size, long seed, Path workDir, PrintStream progress, Set<OptionalPhase> optional) {
        this.size = size;
        this.seed = seed;
        this.workDir = workDir;
        this.progress = progress;
        this.optional = Set.copyOf(optional);
    }

    /** The simulator's settings: a static fleet drawn from the seed, so conditions change only when the suite sets them. */
    static SimulatorConfig simulatorConfig(FaultSuiteSize size, long seed, String apiKey) {
        return SimulatorConfig.defaults(apiKey).withTerminals(size.terminals).withReferenceTerminals(false).withSeed(seed)
                .withRates(LifeRates.staticFleet()).withLatency(new LatencyModel(200, 0.5));
    }

    public Verdict run() throws Exception {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Random random = new Random(seed);
        String apiKey = Schedule.apiKey(random);
        WorkDir.clear(workDir, Path.of(System.getProperty("fleetdiag.faults.log", workDir.resolve("logs").resolve("suite.log").toString())));
        try (Closer resources = new Closer()) {
            progress.println("starting the broker, the schema registry, the simulator and the services ...");
            SchemaRegistryProcess registry = resources.keep(SchemaRegistryProcess.start(workDir.resolve("logs")));
            RestartableBroker broker = resources.keep(RestartableBroker.start(workDir.resolve("kafka")));
            TerminalSimulator simulator = resources.keep(TerminalSimulator.start(simulatorConfig(size, seed, apiKey)));
            List<String> accounts = List.copyOf(simulator.fleet().merchantAccounts());
            Callers callers = Callers.write(workDir, accounts.get(0));
            Fleetdiag services = resources.keep(Fleetdiag.start(workDir, broker.bootstrapServers(), registry.confluentApiUrl(),
                    simulator.baseUrl().toString(), accounts, apiKey, callers.processorSettings(), callers.operator()));
            Waits.until("the result processor to run", Duration.ofMinutes(3), Duration.ofMillis(250), () -> {
                requireAlive(services);
                return services.processorRunning();
            });
            TopicCatalog catalog = TopicCatalog.create(TopicNames.from(Map.of()),
                    new SchemaRegistryClient(RegistryClientConfig.of(registry.confluentApiUrl())));
            Ledger ledger = resources.keep(new Ledger(broker.bootstrapServers(), catalog, apiKey));
            Waits.until("the first diagnosis results", Duration.ofMinutes(3), Duration.ofMillis(250), () -> {
                requireAlive(services);
                return !ledger.outcomes().isEmpty();
            });
            Optional<ReceiverOutage> outage = Optional.empty();
            if (optional.contains(OptionalPhase.RECEIVER_OUTAGE)) {
                ReceiverOutage notifying = resources.keep(ReceiverOutage.start(workDir,
                        Fleetdiag.common(broker.bootstrapServers(), registry.confluentApiUrl()), ledger, size.chaos, size.receiverOutage));
                Waits.until("the notifier to answer", Duration.ofMinutes(3), Duration.ofMillis(250), notifying::notifierUp);
                outage = Optional.of(notifying);
            }

            Schedule schedule = Schedule.draw(random, size, simulator.fleet().terminals(), simulator::condition,
                    services.all().stream().map(ManagedService::name).toList());
            List<Fault> faults = faults(schedule, broker, services, simulator, catalog, ledger, outage);
            faults.add(new Hostile(services, callers, accounts, progress));
            for (Fault fault : faults) {
                if (fault instanceof AutoCloseable closeable) {
                    resources.keep(closeable);
                }
            }
            for (Fault fault : faults) {
                fault.begin();
            }
            progress.printf(Locale.ROOT, "chaos for %d s from %s: %d SIGKILLs per service, %d broker restarts, misbehaving Adyen, garbage, %d conditions%n",
                    size.chaos.toSeconds(), Instant.now(), size.killsPerService, size.brokerRestarts, schedule.episodes().size());
            Chaos.play(faults, size.chaos, progress);
            for (Fault fault : faults) {
                fault.end();
            }
            Delivery delivery = new Delivery(ledger, Instant.now());
            progress.println("chaos over: every service started again, the simulator behaves; letting the system settle ...");
            for (Fault fault : faults) {
                fault.settle();
            }
            try {
                Waits.until("every check answered, every injected record dead-lettered, every cleared condition resolved",
                        SETTLE, Duration.ofSeconds(1), () -> delivery.settled() && faults.stream().allMatch(Fault::settled));
            } catch (IllegalStateException stillOpen) {
                progress.println("not everything settled within " + SETTLE.toMinutes() + " minutes; counting as it stands");
            }

            List<Verdict.Check> checks = new ArrayList<>(delivery.checks());
            for (Fault fault : faults) {
                checks.addAll(fault.checks());
            }
            checks.addAll(new Leaks(apiKey, workDir.resolve("logs"), services, simulator, ledger).checks());
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("terminals", size.terminals);
            counts.put("chaos (s)", size.chaos.toSeconds());
            delivery.count(counts);
            faults.forEach(fault -> fault.count(counts));
            return new Verdict(size.label(), seed, startedAt, (System.nanoTime() - started) / 1e9, checks, counts);
        }
    }

    /** Every fault of the run, in the order their checks are reported. */
    private List<Fault> faults(Schedule schedule, RestartableBroker broker, Fleetdiag services, TerminalSimulator simulator,
                               TopicCatalog catalog, Ledger ledger, Optional<ReceiverOutage> outage) {
        Conditions conditions = new Conditions(schedule.episodes(), simulator, broker, catalog, ledger, progress);
        Storm storm = new Storm(simulator, ledger, conditions.takenOffline(), size.chaos);
        Reboot reboot = Reboot.of(simulator, services.processor(), ledger, schedule.episodes(), storm.merchantAccount(),
                size.rebootTerminals, size.chaos, size.rebootWindow, size.rebootAway);
        Set<String> busy = new HashSet<>(reboot.terminals());
        schedule.episodes().forEach(episode -> busy.add(episode.poiid()));
        SignalFlood flood = new SignalFlood(simulator, services, ledger, busy, size.floodTerminals, size.forgedWebhooks, size.chaos);
        List<Fault> faults = new ArrayList<>(List.of(conditions, storm, reboot, flood));
        if (optional.contains(OptionalPhase.OVERLOAD)) {
            faults.add(new Overload(services.dispatcher(), ledger, size.terminals, Fleetdiag.CHECK_INTERVAL, Fleetdiag.MAX_IN_FLIGHT,
                    size.chaos));
        }
        outage.ifPresent(faults::add);
        faults.addAll(List.of(new Misbehaviour(simulator, size.chaos),
                new Garbage(catalog, seed, broker, ledger, size.garbagePerTopic, size.chaos),
                new Kills(services.all(), schedule.kills()),
                new BrokerRestarts(broker, schedule.brokerStops(), size.brokerDown)));
        return faults;
    }

    private static void requireAlive(Fleetdiag services) {
        for (ManagedService service : services.all()) {
            if (!service.alive()) {
                throw new IllegalStateException("The " + service.name() + " exited while starting; see " + service.log());
            }
        }
    }
}
