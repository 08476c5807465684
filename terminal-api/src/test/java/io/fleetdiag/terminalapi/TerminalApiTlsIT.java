package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.request.ServiceIdGenerator;
import io.fleetdiag.testsupport.SelfSignedCertificate;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS to an endpoint whose certificate only a trust store of our own vouches for: the simulator on TLS. */
class TerminalApiTlsIT {

    private static final String KEY = "AQEtls-it-secret";
    private static SelfSignedCertificate certificate;
    private static TerminalSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(Paths.get("target", "tls-it"));
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(10)
                .withTls(new SimulatorConfig.Tls(certificate.keyStore(), certificate.password())));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private static DiagnosisAnswer diagnose(TerminalApiConfig config) {
        Terminal terminal = simulator.fleet().terminals().get(0);
        return TerminalApiClient.create(config).diagnose(new DiagnosisCall(terminal.poiid(), terminal.merchantAccount(), false,
                new ServiceIdGenerator().next(), "fleetdiag-it")).join();
    }

    @Test
    void theSimulatorServesHttpsAndPlainHttpIsNotNeeded() {
        assertThat(simulator.baseUrl().getScheme()).isEqualTo("https");
        TerminalApiConfig config = TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API, ApiKey.of(KEY))
                .withTrustStore(new TrustStore(certificate.trustStore(), certificate.password()));

        DiagnosisAnswer answer = diagnose(config);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
    }

    @Test
    void withoutTheTrustStoreTheCertificateIsRefusedAndTheAnswerSaysWhatToSet() {
        DiagnosisAnswer answer = diagnose(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API, ApiKey.of(KEY)));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.mayStillRun()).isFalse();
        assertThat(answer.message()).contains("TLS", "adyen.truststore");
    }
}
