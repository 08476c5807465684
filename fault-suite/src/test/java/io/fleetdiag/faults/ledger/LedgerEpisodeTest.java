package io.fleetdiag.faults.ledger;

import static io.fleetdiag.schemas.AlertStatus.RAISED;
import static io.fleetdiag.schemas.AlertStatus.RESOLVED;
import static io.fleetdiag.schemas.AlertStatus.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** UPDATED is neither a new RAISED nor a RESOLVED: it belongs inside an episode. */
class LedgerEpisodeTest {

    @Test
    void updatesInsideAnEpisodeAreFineAndOutsideAreCounted() {
        assertThat(Ledger.updatedOutside(List.of(RAISED, UPDATED, UPDATED, RESOLVED))).isFalse();
        assertThat(Ledger.updatedOutside(List.of(RAISED, UPDATED))).isFalse();
        assertThat(Ledger.updatedOutside(List.of(UPDATED, RESOLVED))).isTrue();
        assertThat(Ledger.updatedOutside(List.of(RAISED, RESOLVED, UPDATED))).isTrue();
    }
}
