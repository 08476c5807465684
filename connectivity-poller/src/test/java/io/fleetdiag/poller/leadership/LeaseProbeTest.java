package io.fleetdiag.poller.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.service.ServiceHttp;
import org.junit.jupiter.api.Test;

class LeaseProbeTest {

    @Test
    void leaderAndStandbyAreBothLiveAndReadyAndSaidApart() {
        ServiceHttp.Health leader = LeaseProbe.health(true, false);
        ServiceHttp.Health standby = LeaseProbe.health(false, false);

        assertThat(leader.live() && leader.ready() && standby.live() && standby.ready()).isTrue();
        assertThat(leader.details()).containsEntry("role", "leader");
        assertThat(standby.details()).containsEntry("role", "standby");
    }

    @Test
    void aFatalFailureIsNotLive() {
        ServiceHttp.Health failed = LeaseProbe.health(true, true);

        assertThat(failed.live()).isFalse();
        assertThat(failed.ready()).isFalse();
        assertThat(failed.up()).isFalse();
    }
}
