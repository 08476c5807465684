package io.fleetdiag.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.faults.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fault suite at its reduced size, as CI runs it: one SIGKILL of each service, one broker restart,
 * a spell of misbehaving Adyen, garbage in every input topic, an empty-answer storm, terminals
 * restarting inside a reboot window, a flood of resent event notifications and forged Management webhooks, then hostile
 * clients against the processor's API; nothing lost, repeated or leaked, no false alert, every forgery and attack refused.
 * The progress and the summary are kept in the work directory.
 */
class FaultSuiteSmokeIT {

    @Test
    void underKillsRestartsMisbehaviourAndGarbageNothingIsLostRepeatedOrLeaked() throws Exception {
        Path work = Paths.get(System.getProperty("fleetdiag.faults.work", "target/fault-smoke"));
        Files.createDirectories(work.resolve("logs"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Verdict verdict = new FaultRun(FaultSuiteSize.SMOKE, 20261123L, work, new PrintStream(progress, true, StandardCharsets.UTF_8),
                Set.of()).run();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        verdict.print(new PrintStream(summary, true, StandardCharsets.UTF_8));

        Files.writeString(work.resolve("summary.md"), progress + System.lineSeparator() + summary);

        assertThat(verdict.checks()).as("%s%n%s", progress, summary).allMatch(Verdict.Check::passed);
        assertThat((Integer) verdict.counts().get("hostile: attempts tried")).as("the hostile clients attacked").isGreaterThan(50)
                .isEqualTo(verdict.counts().get("hostile: attempts refused"));
        assertThat(verdict.counts()).containsEntry("SIGKILLs of the processor", 1).containsEntry("SIGKILLs of the dispatcher", 1)
                .containsEntry("SIGKILLs of the poller", 1).containsEntry("reboot: terminals away inside it", FaultSuiteSize.SMOKE.rebootTerminals);
        assertThat((Integer) verdict.counts().get("garbage records injected")).isEqualTo(4 * FaultSuiteSize.SMOKE.garbagePerTopic);
        assertThat(verdict.counts()).containsEntry("flood: terminals notifying", FaultSuiteSize.SMOKE.floodTerminals)
                .containsEntry("forged Management webhooks sent", (long) FaultSuiteSize.SMOKE.forgedWebhooks)
                .containsEntry("flood: OUT_OF_ORDER episodes of the OutOfOrder terminals", (long) FaultSuiteSize.SMOKE.floodTerminals / 2);
        assertThat(Files.readString(work.resolve("logs").resolve("suite.log"))).as("the broker's log is among those searched").isNotEmpty();
    }
}
