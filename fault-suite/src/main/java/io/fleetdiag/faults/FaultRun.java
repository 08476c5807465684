package io.fleetdiag.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.faults.cluster.RestartableBroker;
import io.fleetdiag.faults.episodes.Episode;
import io.fleetdiag.faults.inject.Garbage;
import io.fleetdiag.faults.inject.Reboot;
import io.fleetdiag.faults.inject.Storm;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.faults.services.ManagedService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.Faults;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.SchemaRegistryProcess;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the fault suite: the real broker in this JVM, the registry and the three services as
 * processes of their own, the simulator with a static fleet. During the chaos phase each service is
 * killed with SIGKILL and started again, the broker stops and starts, the simulator misbehaves for a
 * while, garbage lands in every input topic, terminals get conditions that are later cleared, one
 * merchant account's /connectedTerminals answers are empty for 30 s (an empty-answer storm), and
 * terminals of another restart inside the processor's reboot window. Then the suite lets the system
 * settle and counts.
 */
public final class FaultRun {

    private static final Logger LOG = LoggerFactory.getLogger(FaultRun.class);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Duration STORM = Duration.ofSeconds(30);
    /** From an offline condition's start until the processor surely saw it, a broker restart included. */
    private static final Duration OFFLINE_SHOWN = Duration.ofSeconds(20);
    /** After the reboot window, until a TERMINAL_OFFLINE it held would have been raised (two punctuations). */
    private static final Duration AFTER_REBOOT_WINDOW = Duration.ofSeconds(20);
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
    /** Every misbehaviour the issue names, a few percent each; stalls outlast the 8 s call timeout. */
    private static final Faults MISBEHAVIOUR = Faults.on("all").tooManyRequests(0.03, 1).serverError(0.03).garbage(0.02)
            .truncated(0.02).stall(0.02, 12_000).unknownEnums(0.03).badBase64(0.03).build();

    private final FaultSuiteSize size;
    private final long seed;
    private final Path workDir;
    private final PrintStream progress;
    private final Random random;
    private final Map<String, Object> counts = new LinkedHashMap<>();

    public FaultRun(FaultSuiteSize size, long seed, Path workDir, PrintStream progress) {
        this.size = size;
        this.seed = seed;
        this.workDir = workDir;
        this.progress = progress;
        this.random = new Random(seed);
    }

    /** The simulator's settings: a static fleet drawn from the seed, so conditions change only when the suite sets them. */
    static SimulatorConfig simulatorConfig(FaultSuiteSize size, long seed, String apiKey) {
        return SimulatorConfig.defaults(apiKey).withTerminals(size.terminals).withReferenceTerminals(false).withSeed(seed)
                .withRates(LifeRates.staticFleet()).withLatency(new LatencyModel(200, 0.5));
    }

    public Verdict run() throws Exception {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        String apiKey = Schedule.apiKey(random);
        WorkDir.clear(workDir, Path.of(System.getProperty("fleetdiag.faults.log", workDir.resolve("logs").resolve("suite.log").toString())));
        try (Closer resources = new Closer()) {
            progress.println("starting the broker, the schema registry, the simulator and the services ...");
            SchemaRegistryProcess registry = resources.keep(SchemaRegistryProcess.start(workDir.resolve("logs")));
            RestartableBroker broker = resources.keep(RestartableBroker.start(workDir.resolve("kafka")));
            TerminalSimulator simulator = resources.keep(TerminalSimulator.start(simulatorConfig(size, seed, apiKey)));
            Fleetdiag services = resources.keep(Fleetdiag.start(workDir, broker.bootstrapServers(), registry.confluentApiUrl(),
                    simulator.baseUrl().toString(), List.copyOf(simulator.fleet().merchantAccounts()), apiKey));
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

            Schedule schedule = Schedule.draw(random, size, simulator.fleet().terminals(), simulator::condition,
                    services.all().stream().map(ManagedService::name).toList());
            List<Episode> episodes = schedule.episodes();
            // after the last condition was set and seen, so the storm holds no offline alert the suite expects
            Storm storm = new Storm(simulator.fleet().merchantAccounts().stream().sorted().findFirst().orElseThrow(),
                    Duration.ofMillis(size.chaos.toMillis() * 65 / 100), STORM);
            Reboot reboot = reboot(simulator, episodes, storm);
            // the window must fall inside the chaos, whose start is known only now: the operator sets it, stop and start
            services.processor().stop();
            services.processor().startWith(reboot.openFor(Instant.now()));
            List<Garbage.Landed> injected = Collections.synchronizedList(new ArrayList<>());
            chaos(broker, services, simulator, catalog, schedule, storm, reboot, injected);

            long notRunning = services.all().stream().filter(service -> !service.alive()).count();
            for (ManagedService service : services.all()) {
                service.startAgain();
            }
            long exitsOnTheirOwn = services.all().stream().mapToLong(ManagedService::exitsOnItsOwn).sum();
            Instant cutoff = Instant.now();
            progress.println("chaos over: every service started again, the simulator behaves; letting the system settle ...");
            operatorChecks(broker, catalog, episodes.stream().filter(Episode::needsCheck).map(Episode::poiid).toList(), "final-");
            Set<Garbage.Landed> injectedSet = new HashSet<>(injected);
            try {
                Waits.until("every check answered, every injected record dead-lettered, every cleared condition resolved",
                        SETTLE, Duration.ofSeconds(1), () -> ledger.unanswered(cutoff).isEmpty()
                                && ledger.deadLetters().containsAll(injectedSet)
                                && episodes.stream().allMatch(episode -> settled(ledger, episode))
                                && storm.sourceLostUnresolved(ledger) == 0
                                && Instant.now().isAfter(reboot.windowEnd().plus(AFTER_REBOOT_WINDOW)));
            } catch (IllegalStateException stillOpen) {
                progress.println("not everything settled within " + SETTLE.toMinutes() + " minutes; counting as it stands");
            }

            List<Path> logs = logs();
            Set<String> ips = simulator.fleet().terminals().stream().map(FaultRun::address).collect(Collectors.toSet());
            Set<Garbage.Landed> deadLetters = ledger.deadLetters();
            long raised = episodes.stream().filter(episode -> ledger.lastEdge(episode.poiid(), episode.type().name()) != null).count();
            // a condition may pass unseen when every answer of its terminal misbehaved meanwhile: say which
            episodes.stream().filter(episode -> ledger.lastEdge(episode.poiid(), episode.type().name()) == null)
                    .forEach(episode -> progress.printf(Locale.ROOT, "no %s alert for %s (condition from %d s to %d s); its results: %s%n",
                            episode.type(), episode.poiid(), episode.setAt().toSeconds(), episode.clearAt().toSeconds(),
                            ledger.resultsOf(episode.poiid())));
            long unresolved = episodes.stream().filter(episode -> ledger.lastEdge(episode.poiid(), episode.type().name()) == AlertStatus.RAISED)
                    .count();

            Set<String> scopeTerminals = simulator.fleet().ofMerchant(storm.merchantAccount()).stream().map(Terminal::poiid)
                    .collect(Collectors.toSet());
            Set<String> takenOffline = episodes.stream().filter(episode -> !episode.needsCheck()).map(Episode::poiid).collect(Collectors.toSet());
            List<Verdict.Check> checks = List.of(
                    new Verdict.Check("checks requested but not answered (lost)", ledger.unanswered(cutoff).size(), 0),
                    new Verdict.Check("alert episodes with more than one RAISED", ledger.duplicateRaised(), 0),
                    new Verdict.Check("alert episodes RESOLVED without a RAISED", ledger.resolvedWithoutRaised(), 0),
                    new Verdict.Check("alert episodes UPDATED outside their RAISED..RESOLVED", ledger.updatesOutsideEpisode(), 0),
                    new Verdict.Check("cleared conditions whose alert was not RESOLVED", unresolved, 0),
                    new Verdict.Check("false offline alerts (TERMINAL_OFFLINE whose only absence was the storm)",
                            storm.falseOfflineAlerts(ledger, scopeTerminals, takenOffline), 0),
                    new Verdict.Check("CONNECTIVITY_SOURCE_LOST episodes of the storm's scope", storm.sourceLostEpisodes(ledger), 1),
                    new Verdict.Check("of them not RESOLVED", storm.sourceLostUnresolved(ledger), 0),
                    new Verdict.Check("false offline alerts (TERMINAL_OFFLINE of terminals restarting inside the reboot window)",
                            reboot.falseOfflineAlerts(ledger), 0),
                    new Verdict.Check("restarting terminals the processor saw go offline inside the window", reboot.seenOffline(ledger),
                            reboot.terminals().size()),
                    new Verdict.Check("concurrent requests to one terminal (violations)", simulator.stats().violations(), 0),
                    new Verdict.Check("injected records without a dead letter", injectedSet.stream().filter(landed -> !deadLetters.contains(landed)).count(), 0),
                    new Verdict.Check("dead letters of records that were not injected", deadLetters.stream().filter(letter -> !injectedSet.contains(letter)).count(), 0),
                    new Verdict.Check("dead letters without a reason", ledger.deadLettersWithoutReason(), 0),
                    new Verdict.Check("services not running at the end of the chaos", notRunning, 0),
                    new Verdict.Check("service exits the suite did not cause", exitsOnTheirOwn, 0),
                    new Verdict.Check("API key in log lines", linesContaining(logs, line -> line.contains(apiKey)), 0),
                    new Verdict.Check("API key in /metrics", metricsContaining(services, apiKey), 0),
                    new Verdict.Check("API key in records on the topics", ledger.secretSightings(), 0),
                    new Verdict.Check("terminal IP addresses in log lines", linesContaining(logs, line -> containsAny(line, ips)), 0),
                    new Verdict.Check("terminal IP address in its state (REST)", ipInState(services, simulator), 1));

            counts.put("terminals", size.terminals);
            counts.put("chaos (s)", size.chaos.toSeconds());
            services.all().forEach(service -> counts.put("SIGKILLs of the " + service.name(), service.kills()));
            counts.put("checks requested before the cutoff", ledger.requestedBefore(cutoff));
            ledger.outcomes().forEach((outcome, count) -> counts.put("results " + outcome, count));
            counts.put("alert episodes", ledger.episodes());
            counts.put("conditions set and cleared", episodes.size());
            counts.put("of them raised an alert", raised);
            counts.put("garbage records injected", injectedSet.size());
            counts.put("storm: terminals of " + storm.merchantAccount(), scopeTerminals.size());
            counts.put("CONNECTIVITY_SOURCE_LOST episodes in all", ledger.edges(AlertType.CONNECTIVITY_SOURCE_LOST).stream()
                    .map(alert -> alert.getAlertId()).distinct().count());
            counts.put("reboot window (s)", reboot.window().toSeconds());
            counts.put("reboot: terminals away inside it", reboot.terminals().size());
            counts.put("reboot: away for (s)", reboot.away().toSeconds());
            counts.put("dead letters", deadLetters.size());
            counts.put("Terminal API calls", simulator.stats().total("diagnosis") + simulator.stats().total("connectedTerminals"));
            for (String fault : List.of("http429", "http500", "garbage", "truncated", "stall", "unknownEnum", "badBase64")) {
                counts.put("simulator answers " + fault, simulator.stats().count("diagnosis", fault) + simulator.stats().count("connectedTerminals", fault));
            }
            return new Verdict(size.label(), seed, startedAt, (System.nanoTime() - started) / 1e9, checks, counts);
        }
    }

    /** The chaos phase, on a schedule drawn from the seed. */
    private void chaos(RestartableBroker broker, Fleetdiag services, TerminalSimulator simulator, TopicCatalog catalog,
                       Schedule schedule, Storm storm, Reboot reboot, List<Garbage.Landed> injected) throws Exception {
        List<Episode> episodes = schedule.episodes();
        long chaos = size.chaos.toMillis();
        // kills, restarts and the broker on a timeline of their own: the operator's writes wait out a stopped
        // broker, and must never hold up its start
        ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService traffic = Executors.newScheduledThreadPool(4);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            progress.printf(Locale.ROOT, "chaos for %d s from %s: %d SIGKILLs per service, %d broker restarts, misbehaving Adyen, garbage, %d conditions%n",
                    size.chaos.toSeconds(), Instant.now(), size.killsPerService, size.brokerRestarts, episodes.size());
            for (Duration at : schedule.brokerStops()) {
                at(timeline, failures, at.toMillis(), "broker stops", broker::stop);
                at(timeline, failures, at.plus(size.brokerDown).toMillis(), "broker starts", broker::startAgain);
            }
            for (ManagedService service : services.all()) {
                for (Schedule.Kill kill : schedule.kills().get(service.name())) {
                    at(timeline, failures, kill.at().toMillis(), "SIGKILL " + service.name(), service::kill);
                    at(timeline, failures, kill.startAgainAt().toMillis(), "start " + service.name(), service::startAgain);
                }
            }
            at(timeline, failures, chaos * 35 / 100, "the simulator misbehaves", () -> simulator.cloud().faults(MISBEHAVIOUR));
            at(timeline, failures, chaos * 60 / 100, "the simulator behaves", () -> simulator.cloud().faults(Faults.NONE));
            at(timeline, failures, storm.startAt().toMillis(), "empty /connectedTerminals answers for " + storm.merchantAccount(),
                    () -> storm.start(simulator.cloud()));
            at(timeline, failures, storm.endAt().toMillis(), "the answers of " + storm.merchantAccount() + " are back",
                    () -> storm.end(simulator.cloud()));
            at(traffic, failures, reboot.leaveAt().toMillis(), reboot.terminals().size() + " terminals restart inside the reboot window from "
                    + reboot.windowStart(), () -> reboot.leave(simulator.baseUrl()));
            at(traffic, failures, reboot.backAt().toMillis(), "the restarted terminals are back, before the window ends at " + reboot.windowEnd(),
                    () -> reboot.comeBack(simulator.baseUrl()));
            Garbage garbage = new Garbage(catalog, seed);
            for (long at : List.of(chaos / 5, chaos * 7 / 10)) {
                at(traffic, failures, at, "garbage into " + garbage.inputTopics().size() + " input topics",
                        () -> injected.addAll(garbage.inject(producerConfig(broker), size.garbagePerTopic / 2)));
            }
            for (Episode episode : episodes) {
                at(traffic, failures, episode.setAt().toMillis(), null, () -> condition(broker, simulator, catalog, episode, episode.set(), "set-"));
                at(traffic, failures, episode.clearAt().toMillis(), null, () -> condition(broker, simulator, catalog, episode, episode.clear(), "clear-"));
            }
            for (ScheduledExecutorService executor : List.of(timeline, traffic)) {
                executor.shutdown();
                if (!executor.awaitTermination(chaos + 180_000, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("The chaos schedule did not finish");
                }
            }
        } finally {
            timeline.shutdownNow();
            traffic.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The chaos schedule failed: " + failures);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void at(ScheduledExecutorService timeline, List<String> failures, long atMillis, String what, Action action) {
        timeline.schedule(() -> {
            try {
                if (what != null) {
                    progress.printf(Locale.ROOT, "  %5.1f s  %s%n", atMillis / 1000.0, what);
                    LOG.info("chaos at {} s: {}", atMillis / 1000.0, what);
                }
                action.run();
            } catch (Exception e) {
                failures.add((what == null ? "a condition" : what) + ": " + e);
            }
        }, atMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Terminals of a merchant account the storm leaves alone, online and given no condition. Their window
     * opens once every offline condition has shown, so those still raise their alert.
     */
    private Reboot reboot(TerminalSimulator simulator, List<Episode> episodes, Storm storm) {
        Set<String> withCondition = episodes.stream().map(Episode::poiid).collect(Collectors.toSet());
        List<String> terminals = simulator.fleet().terminals().stream()
                .filter(terminal -> !terminal.merchantAccount().equals(storm.merchantAccount()) && !terminal.model().mobile()
                        && !withCondition.contains(terminal.poiid()) && simulator.condition(terminal.poiid()).online())
                .map(Terminal::poiid).limit(size.rebootTerminals).toList();
        Duration lastOfflineShown = episodes.stream().filter(episode -> !episode.needsCheck()).map(episode -> episode.setAt().plus(OFFLINE_SHOWN))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Duration startAt = Collections.max(List.of(Duration.ofMillis(size.chaos.toMillis() * 60 / 100), lastOfflineShown));
        return new Reboot(terminals, startAt, size.rebootWindow, size.rebootAway);
    }

    private void condition(RestartableBroker broker, TerminalSimulator simulator, TopicCatalog catalog, Episode episode,
                           Map<String, Object> change, String idPrefix) throws Exception {
        simulator.set(episode.poiid(), ConditionChange.of(change));
        if (episode.needsCheck()) {
            operatorChecks(broker, catalog, List.of(episode.poiid()), idPrefix);
        }
    }

    /** MANUAL checks as an operator asks for them; the write waits out a broker that is down. */
    private static void operatorChecks(RestartableBroker broker, TopicCatalog catalog, List<String> poiids, String idPrefix) throws Exception {
        try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(producerConfig(broker), new StringSerializer(),
                catalog.checkRequests().valueSerde().serializer())) {
            for (String poiid : poiids) {
                producer.send(new ProducerRecord<>(catalog.checkRequests().name(), poiid, DiagnosisCheckRequest.newBuilder()
                        .setRequestId(idPrefix + poiid + "-" + System.nanoTime()).setPoiid(poiid).setReason(CheckReason.MANUAL)
                        .setRequestedAt(Instant.now()).build()));
            }
            producer.flush();
        }
    }

    private static Map<String, Object> producerConfig(RestartableBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** An episode is settled once its condition cleared and the alert it raised, if any, is resolved. */
    private static boolean settled(Ledger ledger, Episode episode) {
        return ledger.lastEdge(episode.poiid(), episode.type().name()) != AlertStatus.RAISED;
    }

    private static void requireAlive(Fleetdiag services) {
        for (ManagedService service : services.all()) {
            if (!service.alive()) {
                throw new IllegalStateException("The " + service.name() + " exited while starting; see " + service.log());
            }
        }
    }

    private List<Path> logs() throws IOException {
        try (Stream<Path> files = Files.list(workDir.resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private interface LineTest {
        boolean test(String line);
    }

    private static long linesContaining(List<Path> logs, LineTest test) throws IOException {
        long found = 0;
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                found += lines.filter(test::test).count();
            }
        }
        return found;
    }

    private static boolean containsAny(String line, Set<String> ips) {
        Matcher matcher = IPV4.matcher(line);
        while (matcher.find()) {
            if (ips.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static long metricsContaining(Fleetdiag services, String secret) {
        return services.all().stream().filter(service -> {
            try {
                return Http.get(service.url("/metrics")).contains(secret);
            } catch (Exception unreachable) {
                return false;
            }
        }).count();
    }

    /** Whether the processor's state of a live terminal holds the IP address the terminal reported. */
    private static long ipInState(Fleetdiag services, TerminalSimulator simulator) throws Exception {
        for (Terminal terminal : simulator.fleet().terminals()) {
            JsonNode state = Http.getJsonOrNull(services.processor().url("/api/terminals/" + terminal.poiid()));
            if (state == null) {
                continue;
            }
            JsonNode profile = state.path("lastSuccess").path("additionalResponse").path("networkProfile");
            if (profile.isArray() && !profile.isEmpty()) {
                return address(terminal).equals(profile.get(0).path("address").asText()) ? 1 : 0;
            }
        }
        return 0;
    }

    private static String address(Terminal terminal) {
        String json = new String(Base64.getDecoder().decode(terminal.networkProfile()), StandardCharsets.UTF_8);
        Matcher matcher = IPV4.matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }
}
