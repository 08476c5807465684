package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NeverConnectedRuleTest {

    private static final Duration AFTER = Duration.ofHours(24);
    private static final Instant LISTED = NOW.minus(Duration.ofHours(30));

    private final NeverConnectedRule rule = new NeverConnectedRule(AFTER);

    static InventoryEntry.Builder entry(String status, Instant listedSince) {
        return InventoryEntry.newBuilder().setModel("V400m").setAssignmentStatus(status).setListedSince(listedSince).setListedAt(listedSince);
    }

    private static TerminalState.Builder neverSeen(String status) {
        return RuleStates.unknown().setMerchantAccount("AcmeRetail_EU").setStore("EU-0001").setPresence(Presence.NEVER_SEEN)
                .setInventory(entry(status, LISTED).build());
    }

    @Test
    void raisesWhenADeployedTerminalWasNotSeenForTheWholeTimeSinceItWasListed() {
        TerminalState state = neverSeen("deployed").build();

        assertThat(rule.evaluate(state, false, LISTED.plus(AFTER).minusMillis(1))).isEmpty();
        assertThat(rule.nextWallClockCheck(state, false)).contains(LISTED.plus(AFTER));
        assertThat(rule.evaluate(state, false, LISTED.plus(AFTER))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).contains("AcmeRetail_EU/EU-0001").contains(LISTED.toString());
            assertThat(condition.evidence()).containsEntry("listedSince", LISTED.toString()).containsEntry("model", "V400m");
        });
        assertThat(rule.evaluate(neverSeen("boarded").build(), false, NOW)).isPresent();
    }

    @Test
    void aTerminalInStockOrWithoutMerchantIsNotExpectedToConnect() {
        assertThat(rule.evaluate(neverSeen("inventory").build(), false, NOW)).isEmpty();
        assertThat(rule.evaluate(neverSeen("reassignmentInProgress").build(), false, NOW)).isEmpty();
        assertThat(rule.evaluate(neverSeen("deployed").setMerchantAccount(null).build(), false, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(neverSeen("inventory").build(), false)).isEmpty();
    }

    @Test
    void resolvesOnceSeenOrWhenItLeavesTheInventory() {
        assertThat(rule.evaluate(neverSeen("deployed").setPresence(Presence.ONLINE).setLastSeenAt(NOW).build(), true, NOW)).isEmpty();
        assertThat(rule.evaluate(neverSeen("deployed").setPresence(Presence.OFFLINE).setLastSeenAt(LISTED).build(), true, NOW)).isEmpty();
        assertThat(rule.evaluate(neverSeen("deployed").setInventory(null).build(), true, NOW)).isEmpty();
        assertThat(rule.nextWallClockCheck(neverSeen("deployed").build(), true)).isEmpty();
    }
}
