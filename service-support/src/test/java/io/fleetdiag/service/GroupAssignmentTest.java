package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupAssignmentTest {

    private static final TopicPartition REQUESTS_0 = new TopicPartition("check-requests", 0);
    private static final TopicPartition RETRIES_0 = new TopicPartition("check-retries", 0);

    private final GroupAssignment ownership = new GroupAssignment();

    @Test
    void liveButNotReadyUntilTheGroupGivesItsShare() {
        ServiceHttp.Health joining = ownership.health(false);
        assertThat(joining.live()).isTrue();
        assertThat(joining.ready()).isFalse();
        assertThat(joining.details()).containsEntry("assignment", "waiting for the group");

        ownership.assigned(List.of(REQUESTS_0, RETRIES_0));
        ServiceHttp.Health assigned = ownership.health(false);
        assertThat(assigned.ready()).isTrue();
        assertThat(assigned.details()).containsEntry("partitions", List.of("check-requests-0", "check-retries-0"));
    }

    @Test
    void anEmptyShareIsReadySinceTheGroupHasSettled() {
        ownership.assigned(List.of());

        assertThat(ownership.health(false).ready()).isTrue();
    }

    @Test
    void notReadyBetweenARevocationOrALossAndTheNextAssignment() {
        ownership.assigned(List.of(REQUESTS_0, RETRIES_0));
        ownership.released(List.of(REQUESTS_0, RETRIES_0));
        assertThat(ownership.health(false).ready()).isFalse();
        assertThat(ownership.health(false).details()).containsEntry("partitions", List.of());

        ownership.assigned(List.of(RETRIES_0));
        assertThat(ownership.health(false).ready()).isTrue();
        ownership.released(List.of(RETRIES_0));
        assertThat(ownership.health(false).ready()).isFalse();
    }

    @Test
    void aStoppedMemberIsNeitherLiveNorReady() {
        ownership.assigned(List.of(REQUESTS_0));

        ServiceHttp.Health stopped = ownership.health(true);
        assertThat(stopped.live()).isFalse();
        assertThat(stopped.ready()).isFalse();
        assertThat(stopped.up()).isFalse();
    }

    @Test
    void theServicesOwnDetailsAreShownBesideTheAssignment() {
        ownership.assigned(List.of(REQUESTS_0));

        assertThat(ownership.health(false, java.util.Map.of("receivers", List.of("pager"))).details())
                .containsEntry("receivers", List.of("pager")).containsEntry("assignment", "assigned");
    }
}
