package io.fleetdiag.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void theBuilderSetsEachFaultByNameAndTheRestStaysOff() {
        Faults faults = Faults.on("sync").tooManyRequests(0.25, 7).stall(0.5, 1_500).build();

        assertThat(faults).isEqualTo(new Faults("sync", 0, "UnavailableService", 0.25, 7, 0, 0, 0, 0.5, 1_500, 0, 0));
        assertThat(Faults.on("all").build()).isEqualTo(Faults.NONE);
        assertThatThrownBy(() -> Faults.on("everything").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCertainFaultHitsEveryCallOfItsTargetAndNoOther() {
        Faults garbage = Faults.on("sync").garbage(1.0).build();
        SplittableRandom random = new SplittableRandom(1);

        assertThat(garbage.draw("sync", random)).isEqualTo(Faults.Kind.GARBAGE);
        assertThat(garbage.draw("connectedTerminals", random)).isEqualTo(Faults.Kind.NONE);
        assertThat(Faults.on("all").error(1.0, "MessageFormat").build().draw("connectedTerminals", random)).isEqualTo(Faults.Kind.ERROR);
    }

    @Test
    void theAdminApiJsonStillUsesTheFieldNames() throws Exception {
        Faults read = new ObjectMapper().readValue("{\"target\":\"sync\",\"stallRate\":1.0,\"stallMs\":3000}", Faults.class);

        assertThat(read).isEqualTo(Faults.on("sync").stall(1.0, 3_000).build());
    }
}
