package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.HostCheck;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostUnreachableRuleTest {

    private static final Instant HOST_CHECKED = NOW.minusSeconds(600);

    private final HostUnreachableRule rule = new HostUnreachableRule();

    private static HostCheck hostCheck(Boolean... reachable) {
        List<HostStatus> statuses = new ArrayList<>();
        for (int i = 0; i < reachable.length; i++) {
            statuses.add(HostStatus.newBuilder().setAcquirerId(Integer.toString(i)).setReachable(reachable[i]).build());
        }
        return HostCheck.newBuilder().setRequestId("host-1").setCompletedAt(HOST_CHECKED).setHostStatuses(statuses).build();
    }

    private static TerminalState state(HostCheck host, Instant successAt, Integer unconfirmed) {
        TerminalState.Builder state = RuleStates.unknown().setLastHostDiagnosis(host);
        if (successAt != null) {
            state.setLastSuccess(RuleStates.success(successAt)
                    .setAdditionalResponse(AdditionalResponse.newBuilder().setUnconfirmedBatchCount(unconfirmed).build()).build());
        }
        return state.build();
    }

    @Test
    void raisesWhenAnyHostOfTheLatestHostDiagnosisIsUnreachable() {
        assertThat(raising(rule, state(hostCheck(true, true), null, null))).isEmpty();
        assertThat(raising(rule, state(hostCheck(true, false), HOST_CHECKED, 3))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(condition.evidence()).containsEntry("hostStatus", "0=true,1=false").containsEntry("hostCheck", "host-1")
                    .containsEntry("hostCheckedAt", HOST_CHECKED.toString());
        });
    }

    @Test
    void resolvesWithAReachableHostOrALaterDiagnosisWithoutUnconfirmedPayments() {
        assertThat(holding(rule, state(hostCheck(true), null, null))).isEmpty();
        assertThat(holding(rule, state(hostCheck(false), HOST_CHECKED.plusSeconds(1), 0))).isEmpty();
    }

    @Test
    void holdsWhilePaymentsStayUnconfirmedOrNothingNewerArrived() {
        assertThat(holding(rule, state(hostCheck(false), HOST_CHECKED.plusSeconds(1), 2))).isPresent();
        assertThat(holding(rule, state(hostCheck(false), HOST_CHECKED, 0))).isPresent();
        assertThat(holding(rule, state(hostCheck(false), HOST_CHECKED.plusSeconds(1), null))).isPresent();
        assertThat(holding(rule, state(hostCheck(false), null, null))).isPresent();
    }

    @Test
    void withoutAHostDiagnosisOrHostStatusesThereIsNoAlert() {
        assertThat(raising(rule, RuleStates.unknown().build())).isEmpty();
        assertThat(rule.evidence(RuleStates.unknown().build(), NOW)).isEmpty();
        assertThat(raising(rule, state(hostCheck(), null, null))).isEmpty();
        assertThat(raising(rule, state(hostCheck((Boolean) null), null, null))).isEmpty();
    }
}
