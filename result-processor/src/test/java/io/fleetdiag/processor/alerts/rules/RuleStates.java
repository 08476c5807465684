package io.fleetdiag.processor.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Terminal states for the rule tests: only the parts a rule reads, everything else left empty. */
final class RuleStates {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String POIID = "V400m-324688179";

    private RuleStates() {
    }

    /** A terminal nothing is known of yet: no diagnosis, presence UNKNOWN. */
    static TerminalState.Builder unknown() {
        return TerminalState.newBuilder().setPoiid(POIID).setUpdatedAt(NOW);
    }

    /** A successful diagnosis completed at {@code at}, with nothing reported in it. */
    static DiagnosisResult.Builder success(Instant at) {
        return DiagnosisResult.newBuilder().setRequestId("req-1").setPoiid(POIID).setReason(CheckReason.SCHEDULED)
                .setOutcome(DiagnosisOutcome.SUCCESS).setRequestedAt(at.minusSeconds(1)).setCompletedAt(at);
    }

    /** A terminal whose latest successful diagnosis reported the given additional response. */
    static TerminalState additional(Consumer<AdditionalResponse.Builder> change) {
        AdditionalResponse.Builder additional = AdditionalResponse.newBuilder();
        change.accept(additional);
        return unknown().setLastSuccess(success(NOW.minusSeconds(60)).setAdditionalResponse(additional.build()).build()).build();
    }

    /** A terminal whose latest successful diagnosis reported the given POI status. */
    static TerminalState poiStatus(Consumer<PoiStatus.Builder> change) {
        PoiStatus.Builder status = PoiStatus.newBuilder();
        change.accept(status);
        return unknown().setLastSuccess(success(NOW.minusSeconds(60)).setPoiStatus(status.build()).build()).build();
    }

    /** A terminal with a successful diagnosis that carried neither a POI status nor an additional response. */
    static TerminalState bareSuccess() {
        return unknown().setLastSuccess(success(NOW.minusSeconds(60)).build()).build();
    }

    static Optional<AlertCondition> raising(Rule rule, TerminalState state) {
        return rule.evaluate(state, false, NOW);
    }

    static Optional<AlertCondition> holding(Rule rule, TerminalState state) {
        return rule.evaluate(state, true, NOW);
    }

    /**
     * For a rule on a status text that only "Success" clears: it resolves on Success in any case, and a
     * missing status (or no answer at all) raises nothing and has no evidence.
     */
    static void assertSuccessClearsAndNoStatusIsNoAlert(Rule rule, Function<String, TerminalState> status) {
        assertThat(holding(rule, status.apply("Success"))).isEmpty();
        assertThat(holding(rule, status.apply("SUCCESS"))).isEmpty();
        assertThat(raising(rule, status.apply(null))).isEmpty();
        assertThat(raising(rule, unknown().build())).isEmpty();
        assertThat(rule.evidence(unknown().build(), NOW)).isEmpty();
    }
}
