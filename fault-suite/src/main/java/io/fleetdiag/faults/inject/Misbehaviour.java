package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Adyen misbehaves from 35 % to 60 % of the chaos: 429s, 500s, non-JSON and truncated bodies, stalls,
 * unknown enum values and bad Base64. A stall outlasts the call timeout, so the call is retried while the
 * first one may still hang: the simulator counts two requests to one terminal at once as a violation.
 */
public final class Misbehaviour implements Fault {

    /** Every misbehaviour the issue names, a few percent each; stalls outlast the 8 s call timeout. */
    private static final Faults MISBEHAVIOUR = Faults.on("all").tooManyRequests(0.03, 1).serverError(0.03).garbage(0.02)
            .truncated(0.02).stall(0.02, 12_000).unknownEnums(0.03).badBase64(0.03).build();
    private static final List<String> ANSWERS = List.of("http429", "http500", "garbage", "truncated", "stall", "unknownEnum", "badBase64");

    private final TerminalSimulator simulator;
    private final Duration chaos;

    public Misbehaviour(TerminalSimulator simulator, Duration chaos) {
        this.simulator = simulator;
        this.chaos = chaos;
    }

    @Override
    public List<Step> steps() {
        long millis = chaos.toMillis();
        return List.of(
                Step.onTimeline(Duration.ofMillis(millis * 35 / 100), "the simulator misbehaves", () -> simulator.cloud().faults(MISBEHAVIOUR)),
                Step.onTimeline(Duration.ofMillis(millis * 60 / 100), "the simulator behaves", () -> simulator.cloud().faults(Faults.NONE)));
    }

    @Override
    public List<Verdict.Check> checks() {
        return List.of(new Verdict.Check("concurrent requests to one terminal (violations)", simulator.stats().violations(), 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("Terminal API calls", simulator.stats().total("diagnosis") + simulator.stats().total("connectedTerminals")
                + simulator.stats().total("deviceStatus"));
        for (String answer : ANSWERS) {
            counts.put("simulator answers " + answer,
                    simulator.stats().count("diagnosis", answer) + simulator.stats().count("connectedTerminals", answer)
                            + simulator.stats().count("deviceStatus", answer));
        }
    }
}
