package io.fleetdiag.poller.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.ConnectedTerminals;
import io.fleetdiag.terminalapi.DeviceStatus;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.testsupport.SteppedClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Whom the poller asks, and what the answers make of them: ONLINE is present, anything but an answer is the list's view. */
class SecondOpinionTest {

    private static final String SCOPE = "Acme";
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Each poll a second after the last, so the budget refills as it would. */
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final Map<String, Function<String, CompletableFuture<DeviceStatus>>> statuses = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final TerminalApiClient adyen = new TerminalApiClient() {
        @Override
        public CompletableFuture<ConnectedTerminals> connectedTerminals(String merchantAccount, String store, String uniqueTerminalId) {
            throw new UnsupportedOperationException("the poll's list is given to the second opinion");
        }

        @Override
        public CompletableFuture<DeviceStatus> deviceStatus(String merchantAccount, String deviceId) {
            asked.add(deviceId);
            return statuses.getOrDefault(deviceId, id -> CompletableFuture.completedFuture(status(id, DeviceStatus.Status.OFFLINE))).apply(deviceId);
        }

        @Override
        public CompletableFuture<DiagnosisAnswer> diagnose(DiagnosisCall call) {
            throw new UnsupportedOperationException();
        }
    };

    private static DeviceStatus status(String id, DeviceStatus.Status status) {
        return new DeviceStatus(id, CallOutcome.SUCCESS, status, null);
    }

    private void answers(String poiid, DeviceStatus.Status status) {
        statuses.put(poiid, id -> CompletableFuture.completedFuture(status(id, status)));
    }

    private SecondOpinion opinion(int perPoll) {
        return new SecondOpinion(new StatusSettings(perPoll, 1_000, Duration.ofMillis(200)), adyen, registry, clock);
    }

    private Verdict poll(SecondOpinion opinion, List<String> listed) {
        clock.advance(Duration.ofSeconds(1));
        Verdict verdict = opinion.ask(SCOPE, "Acme", listed).join();
        opinion.published(SCOPE, verdict);
        return verdict;
    }

    private double counted(String name) {
        var counter = registry.find(name).tag("scope", SCOPE).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTerminalTheListDropsButItsStatusSaysOnlineStaysPresentAndEachPollOfItIsADisagreement() {
        SecondOpinion opinion = opinion(100);
        answers("T2", DeviceStatus.Status.ONLINE);

        assertThat(poll(opinion, List.of("T1", "T2", "T3")).asked()).as("the first poll has nothing to compare with").isZero();
        Verdict dropped = poll(opinion, List.of("T1"));
        Verdict stillDropped = poll(opinion, List.of("T1"));

        assertThat(dropped.onlineByStatus()).containsExactly("T2");
        assertThat(dropped.offline()).as("T3 is really gone").isEqualTo(1);
        assertThat(stillDropped.onlineByStatus()).as("present by status is asked again while the list leaves it out").containsExactly("T2");
        assertThat(asked).containsExactlyInAnyOrder("T2", "T3", "T2");
        assertThat(counted("fleetdiag.poller.status.disagreements")).isEqualTo(2);
        assertThat(poll(opinion, List.of("T1", "T2")).asked()).as("listed again: nothing to ask").isZero();
    }

    @Test
    void aFailedMalformedOrLateAnswerIsTheListsViewAndGetsOneSecondChance() {
        SecondOpinion opinion = opinion(100);
        statuses.put("T2", id -> CompletableFuture.completedFuture(DeviceStatus.failed(id, CallOutcome.MALFORMED, "not JSON")));
        statuses.put("T3", id -> new CompletableFuture<>());
        statuses.put("T4", id -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        poll(opinion, List.of("T1", "T2", "T3", "T4"));

        Verdict first = poll(opinion, List.of("T1"));
        Verdict second = poll(opinion, List.of("T1"));
        Verdict third = poll(opinion, List.of("T1"));

        assertThat(first.onlineByStatus()).isEmpty();
        assertThat(first.failed()).isEqualTo(3);
        assertThat(first.retryNext()).containsExactlyInAnyOrder("T2", "T3", "T4");
        assertThat(second.asked()).as("each asked once more").isEqualTo(3);
        assertThat(second.retryNext()).isEmpty();
        assertThat(third.asked()).as("then the list decides").isZero();
        assertThat(counted("fleetdiag.poller.status.failures")).isEqualTo(6);
    }

    @Test
    void aSecondChanceAnsweredOnlineIsPresentAgain() {
        SecondOpinion opinion = opinion(100);
        statuses.put("T2", id -> CompletableFuture.completedFuture(DeviceStatus.failed(id, CallOutcome.RETRY_LATER, "HTTP 503")));
        poll(opinion, List.of("T1", "T2"));
        poll(opinion, List.of("T1"));
        answers("T2", DeviceStatus.Status.ONLINE);

        assertThat(poll(opinion, List.of("T1")).onlineByStatus()).containsExactly("T2");
        assertThat(poll(opinion, List.of("T1")).onlineByStatus()).as("present again, so asked again").containsExactly("T2");
    }

    @Test
    void beyondThePerPollBoundTheRestWaitForTheNextPoll() {
        SecondOpinion opinion = opinion(2);
        poll(opinion, List.of("T1", "T2", "T3", "T4", "T5"));

        Verdict bounded = poll(opinion, List.of());
        Verdict next = poll(opinion, List.of());

        assertThat(bounded.asked()).isEqualTo(2);
        assertThat(bounded.retryNext()).hasSize(3);
        assertThat(next.asked()).isEqualTo(2);
        assertThat(counted("fleetdiag.poller.status.skipped")).isEqualTo(3 + 1);
    }

    @Test
    void turnedOffItAsksNothing() {
        SecondOpinion opinion = opinion(0);
        poll(opinion, List.of("T1", "T2"));

        Verdict verdict = poll(opinion, List.of("T1"));

        assertThat(verdict.asked()).isZero();
        assertThat(verdict.onlineByStatus()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aNewTermHasNothingToCompareWith() {
        SecondOpinion opinion = opinion(100);
        poll(opinion, List.of("T1", "T2"));
        opinion.forget();

        assertThat(poll(opinion, List.of("T1")).asked()).isZero();
    }

    @Test
    void aHundredThousandTerminalPollCostsOneComparisonOfItsList() {
        SecondOpinion opinion = opinion(100);
        List<String> fleet = java.util.stream.IntStream.range(0, 100_000).mapToObj(i -> "V400m-" + (300_000_000 + i)).toList();
        poll(opinion, fleet);
        List<String> fewer = fleet.subList(50, fleet.size());

        long started = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            poll(opinion, i % 2 == 0 ? fewer : fleet);
        }
        long perPollMicros = (System.nanoTime() - started) / 1_000 / rounds;
        System.out.println("second opinion over 100,000 listed terminals, 50 dropped every other poll: " + perPollMicros + " us per poll");

        assertThat(asked).hasSize(50 * rounds / 2);
        assertThat(perPollMicros).as("well inside a poll interval of seconds").isLessThan(1_000_000);
    }
}
