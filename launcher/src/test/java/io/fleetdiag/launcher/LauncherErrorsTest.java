package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.launcher.local.LocalStack;
import io.fleetdiag.launcher.local.LocalStartException;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clear errors: what is wrong and what to do, in one line, with a non-zero exit. */
class LauncherErrorsTest {

    @Test
    void anUnreachableBrokerIsOneLine() throws Exception {
        CommandRun run = CommandRun.of("alerts", "--bootstrap", "127.0.0.1:" + FreePorts.next());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("fleetdiag: Cannot reach Kafka at 127.0.0.1:").contains("fleetdiag local").doesNotContain("\n");
    }

    @Test
    void anUnreachableRestApiIsOneLine() throws Exception {
        CommandRun run = CommandRun.of("terminal", "V400m-1", "--api", "http://127.0.0.1:" + FreePorts.next());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("fleetdiag: Cannot reach the fleetdiag REST API").doesNotContain("\n");
    }

    @Test
    void aTakenPortStopsTheLocalRunBeforeAnythingStarts(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStack.Options options = new LocalStack.Options(10, data, taken.getLocalPort(), 0, 0, 0, 1, "static");

            assertThatThrownBy(() -> LocalStack.start(options, step -> { }))
                    .isInstanceOf(LocalStartException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " for the REST API is taken: stop whatever uses it (is another"
                            + " `fleetdiag local` running?) or choose another with --http-port");
        }
        assertThat(Files.exists(data.resolve("kafka"))).isFalse();
    }

    @Test
    void aWrongSetStopsTheLocalRunWithExitCode78BeforeAnythingStarts(@TempDir Path data) {
        CommandRun unknown = CommandRun.of("local", "--data-dir", data.toString(), "--set", "poller.pol-interval=10s");
        CommandRun badValue = CommandRun.of("local", "--data-dir", data.toString(), "--set", "poller.check-interval=often");

        assertThat(unknown.exit()).isEqualTo(78);
        assertThat(unknown.err().strip()).isEqualTo("fleetdiag: --set poller.pol-interval: no service has this setting;"
                + " every setting is in docs/configuration.md");
        assertThat(badValue.exit()).isEqualTo(78);
        assertThat(badValue.err().strip()).startsWith("fleetdiag: Setting 'poller.check-interval'").contains("'often'").doesNotContain("\n");
        assertThat(Files.exists(data.resolve("kafka"))).isFalse();
    }

    @Test
    void theSimulatorSubcommandTakesTheSimulatorsOwnOptions() {
        CommandRun run = CommandRun.of("simulator", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--terminals").contains("--api-key").contains("--profile");
    }

    @Test
    void aServiceWithoutAnApiKeySaysWhereToPutIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("poller.properties");
        Files.writeString(config, "poller.scopes=AcmeRetail_EU\n");

        CommandRun run = CommandRun.of("poller", config.toString());

        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.err()).contains("No Adyen API key: set ADYEN_API_KEY, or ADYEN_API_KEY_FILE to a file holding it");
    }
}
