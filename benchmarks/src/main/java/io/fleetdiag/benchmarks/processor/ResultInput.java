package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The processor benchmark's input: real simulator answers, replayed round after round with new request
 * ids and times. A tenth of the sampled terminals alternate between a healthy answer and one with a
 * low battery, no paper, unconfirmed payments and a tamper. More terminals than were sampled are copies
 * of the samples under POIIDs and stores of their own, so a million distinct terminals need no million
 * HTTP calls.
 */
final class ResultInput {

    private static final Duration ROUND = Duration.ofMinutes(1);

    private final List<DiagnosisResult> healthy;
    private final Map<String, DiagnosisResult> troubled;
    private final int terminals;
    private final int rounds;

    private ResultInput(List<DiagnosisResult> healthy, Map<String, DiagnosisResult> troubled, int terminals, int rounds) {
        this.healthy = healthy;
        this.troubled = troubled;
        this.terminals = terminals;
        this.rounds = rounds;
    }

    /** Diagnoses up to {@code sampled} simulator terminals once healthy and, a tenth of them, once troubled. */
    static ResultInput sample(int sampled, int terminals, int rounds) throws Exception {
        try (TerminalSimulator simulator = TerminalSimulator.start(SimulatorConfig.defaults(BenchContext.API_KEY)
                .withTerminals(Math.min(sampled, terminals)).withReferenceTerminals(false)
                .withRates(LifeRates.staticFleet()).withLatency(new LatencyModel(0, 0)))) {
            TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                    ApiKey.of(BenchContext.API_KEY), true));
            List<Terminal> fleet = simulator.fleet().terminals();
            List<DiagnosisResult> healthy = ResultSamples.diagnose(adyen, fleet);
            List<Terminal> changed = IntStream.range(0, fleet.size()).filter(i -> i % 10 == 0).mapToObj(fleet::get).toList();
            changed.forEach(terminal -> simulator.set(terminal.poiid(), ConditionChange.of(Map.of(
                    "battery", 5, "paper", "NoPaper", "unconfirmed", 3, "tamper", true))));
            Map<String, DiagnosisResult> troubled = ResultSamples.diagnose(adyen, changed).stream()
                    .collect(Collectors.toMap(DiagnosisResult::getPoiid, result -> result));
            return new ResultInput(healthy, troubled, terminals, rounds);
        }
    }

    long results() {
        return (long) terminals * rounds;
    }

    /** Writes every round to {@code topic}, keyed by POIID; returns how many results. */
    long produce(Map<String, Object> producerConfig, Serializer<DiagnosisResult> serializer, String topic) {
        Instant start = Instant.now().minus(ROUND.multipliedBy(rounds + 1L));
        Duration spacing = ROUND.dividedBy(terminals);
        long count = 0;
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < terminals; i++) {
                    Instant completed = start.plus(ROUND.multipliedBy(round)).plus(spacing.multipliedBy(i));
                    DiagnosisResult result = result(round, i, completed);
                    producer.send(new ProducerRecord<>(topic, null, completed.toEpochMilli(), result.getPoiid(), result));
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private DiagnosisResult result(int round, int terminal, Instant completed) {
        DiagnosisResult base = healthy.get(terminal % healthy.size());
        DiagnosisResult sample = round % 2 == 1 ? troubled.getOrDefault(base.getPoiid(), base) : base;
        int copy = terminal / healthy.size();
        DiagnosisResult.Builder result = DiagnosisResult.newBuilder(sample);
        if (copy > 0) {
            result.setPoiid(sample.getPoiid() + "-" + copy);
            if (sample.getStore() != null) {
                result.setStore(sample.getStore() + "-" + copy);
            }
        }
        return result.setRequestId("r" + round + "-" + result.getPoiid())
                .setRequestedAt(completed.minusMillis(sample.getLatencyMs() == null ? 0 : sample.getLatencyMs()))
                .setCompletedAt(completed)
                .build();
    }
}
