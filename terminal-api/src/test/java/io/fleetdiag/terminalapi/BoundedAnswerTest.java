package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An endpoint that answers more than {@link BoundedBody#MAX_ANSWER}: a failed result with its reason, read no further. */
class BoundedAnswerTest {

    private HttpServer server;
    private volatile boolean announceLength;
    private volatile byte[] body;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] huge = new byte[BoundedBody.MAX_ANSWER + 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        body = huge;
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // length 0 is chunked in this server: the client sees no Content-Length and must count
            byte[] answer = body;
            exchange.sendResponseHeaders(200, announceLength ? answer.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            } catch (java.io.IOException e) {
                // the client stopped reading, as it should
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TerminalApiClient client() {
        return TerminalApiClient.create(TerminalApiConfig.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                ApiFlavour.TERMINAL_API, ApiKey.of("AQEbounded-test-key"), true));
    }

    @Test
    void anOversizedDiagnosisAnswerIsAFailedResultWithItsReason() {
        for (boolean announced : new boolean[] {true, false}) {
            announceLength = announced;
            DiagnosisAnswer answer = client().diagnose(new DiagnosisCall("V400m-1", "Acme", false, "svc1", "fleetdiag-test")).join();
            assertThat(answer.outcome()).as(announced ? "Content-Length announced" : "chunked").isEqualTo(CallOutcome.MALFORMED);
            assertThat(answer.httpStatus()).isEqualTo(200);
            assertThat(answer.message()).contains("larger than 8 MiB");
        }
    }

    @Test
    void anOversizedConnectedTerminalListIsAFailureNotAnException() {
        announceLength = false;
        ConnectedTerminals answer = client().connectedTerminals("Acme", null, null).join();
        assertThat(answer.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(answer.message()).contains("larger than 8 MiB");
    }

    @Test
    void anAnswerWithinTheBoundIsReadWhole() {
        body = ("{\"uniqueTerminalIds\":[\"V400m-1\"],\"padding\":\"" + " ".repeat(BoundedBody.MAX_ANSWER - 100) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        announceLength = false;
        ConnectedTerminals answer = client().connectedTerminals("Acme", null, null).join();
        assertThat(answer.outcome()).as(answer.message()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.uniqueTerminalIds()).containsExactly("V400m-1");
    }
}
