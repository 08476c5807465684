package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.Faults;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.request.ServiceIdGenerator;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the simulator over real HTTP: each outcome class, produced by putting the simulator in that condition. */
class TerminalApiClientIT {

    private static final String KEY = "AQEclient-it-secret";
    private static final ServiceIdGenerator SERVICE_IDS = new ServiceIdGenerator();
    private static TerminalSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(2_000));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    @BeforeEach
    void calm() {
        simulator.cloud().faults(Faults.NONE);
        simulator.cloud().latency(new LatencyModel(10, 0));
    }

    private static TerminalApiClient client(ApiFlavour flavour) {
        return client(flavour, simulator.baseUrl(), KEY, TerminalApiConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    private static TerminalApiClient client(ApiFlavour flavour, URI base, String key, Duration timeout) {
        return TerminalApiClient.create(TerminalApiConfig.of(base, flavour, ApiKey.of(key), true).withRequestTimeout(timeout));
    }

    private static DiagnosisAnswer diagnose(TerminalApiClient client, Terminal terminal) {
        return client.diagnose(new DiagnosisCall(terminal.poiid(), terminal.merchantAccount(), false, SERVICE_IDS.next(), "fleetdiag-it")).join();
    }

    /** A generated terminal; the reference terminals come first in the fleet and are left to the reference tests. */
    private static Terminal terminal(int index) {
        return simulator.fleet().terminals().get(100 + index);
    }

    private static Terminal reference(String poiid) {
        return simulator.fleet().terminal(poiid).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void successParsesTheWholeResponse(ApiFlavour flavour) {
        DiagnosisAnswer answer = diagnose(client(flavour), reference("V400m-346403161"));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.additionalResponse().getBatteryLevel()).isEqualTo(100);
        assertThat(answer.additionalResponse().getNetworkProfile().get(0).getAddress()).isEqualTo("192.168.2.2");
        assertThat(answer.additionalResponse().getParseProblems()).isEmpty();
        assertThat(answer.latency()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void connectedTerminalsMatchesTheSimulatorsLiveSet(ApiFlavour flavour) {
        Terminal offline = terminal(20);
        simulator.set(offline.poiid(), ConditionChange.of(Map.of("online", false)));
        String merchant = offline.merchantAccount();
        List<String> expected = simulator.fleet().ofMerchant(merchant).stream()
                .filter(t -> t.online(System.currentTimeMillis())).map(Terminal::poiid).toList();

        ConnectedTerminals all = client(flavour).connectedTerminals(merchant, null, null).join();
        ConnectedTerminals store = client(flavour).connectedTerminals("ADYEN_MERCHANT_ACCOUNT", "YOUR_STORE_ID", null).join();
        ConnectedTerminals one = client(flavour).connectedTerminals(merchant, null, offline.poiid()).join();

        assertThat(all.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(all.uniqueTerminalIds()).containsExactlyInAnyOrderElementsOf(expected).doesNotContain(offline.poiid());
        assertThat(store.uniqueTerminalIds()).containsExactly(
                "MX915-284251016", "MX925-260390740", "V400m-324688136", "V400m-324688178", "V400m-324688181");
        assertThat(one.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(one.uniqueTerminalIds()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aBusyTerminalMeansRetryLater(ApiFlavour flavour) {
        Terminal busy = terminal(1);
        simulator.set(busy.poiid(), ConditionChange.of(Map.of("busy", true)));

        DiagnosisAnswer answer = diagnose(client(flavour), busy);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.errorCondition()).isEqualTo("Busy");
        assertThat(answer.message()).isEqualTo("Busy: TX_IN_PROGRESS");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void throttlingAndServerErrorsMeanRetryLaterAndRetryAfterIsHonoured(ApiFlavour flavour) {
        simulator.cloud().faults(Faults.on("all").tooManyRequests(1.0, 7).build());
        DiagnosisAnswer throttled = diagnose(client(flavour), terminal(2));
        ConnectedTerminals throttledList = client(flavour).connectedTerminals(terminal(2).merchantAccount(), null, null).join();
        simulator.cloud().faults(Faults.on("all").serverError(1.0).build());
        DiagnosisAnswer failed = diagnose(client(flavour), terminal(2));

        assertThat(throttled.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(throttled.httpStatus()).isEqualTo(429);
        assertThat(throttled.retryAfterHint()).hasValue(Duration.ofSeconds(7));
        assertThat(throttledList.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(throttledList.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failed.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(failed.httpStatus()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aStalledCallTimesOutAsRetryLater(ApiFlavour flavour) {
        simulator.cloud().faults(Faults.on("sync").stall(1.0, 3_000).build());

        // the simulator keeps a stalled terminal busy after the client gave up, so each flavour stalls its own
        DiagnosisAnswer answer = diagnose(client(flavour, simulator.baseUrl(), KEY, Duration.ofMillis(300)), terminal(30 + flavour.ordinal()));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.httpStatus()).isNull();
        assertThat(answer.message()).isEqualTo("no answer within 0 s");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aRefusedConnectionIsRetryLater(ApiFlavour flavour) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TerminalApiClient nobody = client(flavour, URI.create("http://127.0.0.1:" + closed), KEY, Duration.ofSeconds(5));

        assertThat(diagnose(nobody, terminal(4)).outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(nobody.connectedTerminals("m", null, null).join().outcome()).isEqualTo(CallOutcome.RETRY_LATER);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void anAbsentTerminalIsUnreachable(ApiFlavour flavour) {
        Terminal gone = terminal(5);
        simulator.set(gone.poiid(), ConditionChange.of(Map.of("online", false)));

        DiagnosisAnswer answer = diagnose(client(flavour), gone);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.TERMINAL_UNREACHABLE);
        assertThat(answer.eventToNotify()).isEqualTo("Reject");
        assertThat(answer.message()).contains("Did not receive a response from the POI");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aMessageFormatFailureIsRejected(ApiFlavour flavour) {
        simulator.cloud().faults(Faults.on("sync").error(1.0, "MessageFormat").build());

        DiagnosisAnswer answer = diagnose(client(flavour), terminal(6));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(answer.errorCondition()).isEqualTo("MessageFormat");
    }

    @Test
    void theDeviceApiRejectsACallWithoutMerchantAccountBeforeSendingIt() {
        DiagnosisAnswer answer = client(ApiFlavour.DEVICE_API)
                .diagnose(new DiagnosisCall(terminal(7).poiid(), null, false, SERVICE_IDS.next(), "fleetdiag-it")).join();

        assertThat(answer.outcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(answer.message()).contains("merchant account");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aWrongApiKeyIsUnauthorizedAndTheKeyIsNeverEchoed(ApiFlavour flavour) {
        TerminalApiClient wrong = client(flavour, simulator.baseUrl(), "AQEwrong-key", TerminalApiConfig.DEFAULT_REQUEST_TIMEOUT);

        DiagnosisAnswer answer = diagnose(wrong, terminal(8));
        ConnectedTerminals list = wrong.connectedTerminals(terminal(8).merchantAccount(), null, null).join();

        assertThat(answer.outcome()).isEqualTo(CallOutcome.UNAUTHORIZED);
        assertThat(answer.message()).startsWith("HTTP 401").doesNotContain("AQEwrong-key");
        assertThat(list.outcome()).isEqualTo(CallOutcome.UNAUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void garbageAndTruncatedBodiesAreMalformed(ApiFlavour flavour) {
        simulator.cloud().faults(Faults.on("all").garbage(1.0).build());
        DiagnosisAnswer garbage = diagnose(client(flavour), terminal(9));
        ConnectedTerminals garbageList = client(flavour).connectedTerminals(terminal(9).merchantAccount(), null, null).join();
        simulator.cloud().faults(Faults.on("all").truncated(1.0).build());
        DiagnosisAnswer truncated = diagnose(client(flavour), terminal(9));

        assertThat(garbage.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(garbageList.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(truncated.outcome()).isEqualTo(CallOutcome.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void unknownEnumsAndBadBase64AreDataNotFailures(ApiFlavour flavour) {
        simulator.cloud().faults(Faults.on("sync").unknownEnums(1.0).build());
        DiagnosisAnswer odd = diagnose(client(flavour), reference("V400m-346403161"));
        simulator.cloud().faults(Faults.on("sync").badBase64(1.0).build());
        DiagnosisAnswer badBase64 = diagnose(client(flavour), reference("V400m-346403161"));

        assertThat(odd.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(odd.poiStatus().getGlobalStatus()).isEqualTo(GlobalStatus.UNKNOWN);
        assertThat(odd.poiStatus().getGlobalStatusValue()).isEqualTo("Degraded");
        assertThat(badBase64.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(badBase64.additionalResponse().getParseProblems()).anyMatch(problem -> problem.startsWith("networkProfile"));
        assertThat(badBase64.additionalResponse().getBatteryLevel()).isEqualTo(100);
    }

    @Test
    void aThousandConcurrentDiagnosesCompleteWithoutViolations() {
        simulator.cloud().latency(new LatencyModel(200, 0.2));
        simulator.stats().reset();
        TerminalApiClient client = client(ApiFlavour.TERMINAL_API);
        List<Terminal> thousand = simulator.fleet().terminals().subList(1_000, 2_000);

        List<CompletableFuture<DiagnosisAnswer>> calls = thousand.stream()
                .map(terminal -> client.diagnose(new DiagnosisCall(terminal.poiid(), terminal.merchantAccount(), false,
                        SERVICE_IDS.next(), "fleetdiag-it")))
                .toList();
        List<DiagnosisAnswer> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(DiagnosisAnswer::outcome).containsOnly(CallOutcome.SUCCESS);
        assertThat(simulator.stats().count("diagnosis", "success")).isEqualTo(1_000);
        assertThat(simulator.stats().violations()).isZero();
        assertThat(simulator.stats().maxInFlightPerTerminal()).isEqualTo(1);
        assertThat(simulator.stats().serviceIdsOutOfFormat()).isZero();
        assertThat(simulator.stats().duplicateServiceIds()).isZero();
    }
}
