package io.fleetdiag.dispatcher.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    @Test
    void onlyTheContiguousFinishedPrefixIsCommittable() {
        OffsetTracker tracker = new OffsetTracker();
        assertThat(tracker.committable()).isEqualTo(-1);

        tracker.read(10);
        tracker.read(11);
        tracker.read(12);
        tracker.finished(11);
        assertThat(tracker.committable()).isEqualTo(10);

        tracker.finished(10);
        assertThat(tracker.committable()).isEqualTo(12);

        tracker.finished(12);
        assertThat(tracker.committable()).isEqualTo(13);
        assertThat(tracker.unfinishedCount()).isZero();
    }
}
