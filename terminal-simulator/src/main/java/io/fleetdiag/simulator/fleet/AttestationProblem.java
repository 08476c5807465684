package io.fleetdiag.simulator.fleet;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A Mobile SDK's device attestation not valid, with the issues the merchant can resolve. */
public final class AttestationProblem extends Trouble {

    private static final String VALID = "valid";
    private static final Condition.Attestation VALID_ATTESTATION = new Condition.Attestation(VALID, List.of());

    private String status = VALID;
    private List<Condition.Issue> issues = List.of();
    private long until;
    private Condition.Attestation lastHostView = VALID_ATTESTATION;

    void start(long until) {
        if (VALID.equals(status)) {
            status = "Rejected";
            issues = List.of(new Condition.Issue("Developer options enabled",
                    "Turn off developer options in the device settings, then retry."));
            this.until = until;
        }
    }

    @Override
    boolean advance(long now) {
        if (!VALID.equals(status) && now >= until) {
            status = VALID;
            issues = List.of();
        }
        return !VALID.equals(status);
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.attestationStatus() != null) {
            status = change.attestationStatus();
            issues = change.resolvableIssues() == null ? List.of() : List.copyOf(change.resolvableIssues());
            until = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.attestation = new Condition.Attestation(status, issues);
    }

    /** Online, a failed or expired attestation is retried and passes; a rejection stands. */
    @Override
    void hostDiagnosis(boolean hostReachable) {
        if (hostReachable && ("Failed".equals(status) || "Expired".equals(status))) {
            status = VALID;
            issues = List.of();
        }
        lastHostView = new Condition.Attestation(status, issues);
    }

    @Override
    void reportHostView(Condition.Builder condition) {
        condition.attestation = lastHostView;
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("attestation problems per hour", perHour);
            Objects.requireNonNull(minutes, "attestation problem minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(AttestationProblem.class, now, attestation -> attestation.start(until));
        }
    }
}
