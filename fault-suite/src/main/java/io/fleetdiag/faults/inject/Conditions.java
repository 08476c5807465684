package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.cluster.RestartableBroker;
import io.fleetdiag.faults.episodes.Episode;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.topics.TopicCatalog;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Terminals get a condition (offline, no paper, low battery, unconfirmed payments) that is cleared half a
 * minute later; an operator asks for a check when a diagnosis shows it. Each alert they raised must be
 * resolved.
 */
public final class Conditions implements Fault {

    private final List<Episode> episodes;
    private final TerminalSimulator simulator;
    private final RestartableBroker broker;
    private final TopicCatalog catalog;
    private final Ledger ledger;
    private final PrintStream progress;

    public Conditions(List<Episode> episodes, TerminalSimulator simulator, RestartableBroker broker, TopicCatalog catalog, Ledger ledger,
                      PrintStream progress) {
        this.episodes = List.copyOf(episodes);
        this.simulator = simulator;
        this.broker = broker;
        this.catalog = catalog;
        this.ledger = ledger;
        this.progress = progress;
    }

    /**
     * {@code count} conditions on fixed terminals in shuffled order, each set in the first half of the chaos;
     * a terminal whose condition already shows an alert is passed over, its moments drawn all the same.
     */
    public static List<Episode> draw(Random random, List<Terminal> terminals, Function<String, Condition> conditions, int count,
                                     Duration chaos) {
        List<Terminal> candidates = new ArrayList<>(terminals.stream().filter(terminal -> !terminal.model().mobile()).toList());
        Collections.shuffle(candidates, random);
        long millis = chaos.toMillis();
        List<Episode> episodes = new ArrayList<>();
        for (Terminal terminal : candidates) {
            if (episodes.size() == count) {
                break;
            }
            long setAt = millis / 20 + (long) (random.nextDouble() * millis / 2);
            long clearAt = Math.min(setAt + 25_000 + random.nextInt(15_000), millis * 9 / 10);
            Episode episode = Episode.forTerminal(terminal, conditions.apply(terminal.poiid()), episodes.size(),
                    Duration.ofMillis(setAt), Duration.ofMillis(clearAt));
            if (episode != null) {
                episodes.add(episode);
            }
        }
        return List.copyOf(episodes);
    }

    /** The terminals the suite takes offline itself (their alert comes from missing snapshots, not a check). */
    public Set<String> takenOffline() {
        return episodes.stream().filter(episode -> !episode.needsCheck()).map(Episode::poiid).collect(Collectors.toSet());
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Episode episode : episodes) {
            steps.add(Step.inTraffic(episode.setAt(), null, () -> change(episode, episode.set(), "set-")));
            steps.add(Step.inTraffic(episode.clearAt(), null, () -> change(episode, episode.clear(), "clear-")));
        }
        return steps;
    }

    /** Asks once more about every terminal whose condition a check shows, so a missed clearing still resolves. */
    @Override
    public void settle() throws Exception {
        operatorChecks(episodes.stream().filter(Episode::needsCheck).map(Episode::poiid).toList(), "final-");
    }

    /** Once its condition cleared, the alert it raised, if any, is resolved. */
    @Override
    public boolean settled() {
        return episodes.stream().allMatch(episode -> lastEdge(episode) != AlertStatus.RAISED);
    }

    @Override
    public List<Verdict.Check> checks() {
        // a condition may pass unseen when every answer of its terminal misbehaved meanwhile: say which
        episodes.stream().filter(episode -> lastEdge(episode) == null)
                .forEach(episode -> progress.printf(Locale.ROOT, "no %s alert for %s (condition from %d s to %d s); its results: %s%n",
                        episode.type(), episode.poiid(), episode.setAt().toSeconds(), episode.clearAt().toSeconds(),
                        ledger.resultsOf(episode.poiid())));
        long unresolved = episodes.stream().filter(episode -> lastEdge(episode) == AlertStatus.RAISED).count();
        return List.of(new Verdict.Check("cleared conditions whose alert was not RESOLVED", unresolved, 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("conditions set and cleared", episodes.size());
        counts.put("of them raised an alert", episodes.stream().filter(episode -> lastEdge(episode) != null).count());
    }

    private AlertStatus lastEdge(Episode episode) {
        return ledger.lastEdge(episode.poiid(), episode.type().name());
    }

    private void change(Episode episode, Map<String, Object> change, String idPrefix) throws Exception {
        simulator.set(episode.poiid(), ConditionChange.of(change));
        if (episode.needsCheck()) {
            operatorChecks(List.of(episode.poiid()), idPrefix);
        }
    }

    /** MANUAL checks as an operator asks for them; the write waits out a broker that is down. */
    private void operatorChecks(List<String> poiids, String idPrefix) throws Exception {
        try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(broker.producerConfig(), new StringSerializer(),
                catalog.checkRequests().valueSerde().serializer())) {
            for (String poiid : poiids) {
                producer.send(new ProducerRecord<>(catalog.checkRequests().name(), poiid, DiagnosisCheckRequest.newBuilder()
                        .setRequestId(idPrefix + poiid + "-" + System.nanoTime()).setPoiid(poiid).setReason(CheckReason.MANUAL)
                        .setRequestedAt(Instant.now()).build()));
            }
            producer.flush();
        }
    }
}
