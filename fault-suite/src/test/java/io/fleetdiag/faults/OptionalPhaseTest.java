package io.fleetdiag.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionalPhaseTest {

    @Test
    void phasesAreNamedOnTheCommandLineAsTheReadmeWritesThem() {
        assertThat(OptionalPhase.named("overload")).contains(OptionalPhase.OVERLOAD);
        assertThat(OptionalPhase.named(" receiver-outage")).contains(OptionalPhase.RECEIVER_OUTAGE);
        assertThat(OptionalPhase.named("RECEIVER_OUTAGE")).isEmpty();
    }

    @Test
    void anUnknownPhaseIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FaultSuiteMain()).setErr(new PrintWriter(err)).execute("--with", "overload,flood");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--with takes overload or receiver-outage, not flood");
    }
}
