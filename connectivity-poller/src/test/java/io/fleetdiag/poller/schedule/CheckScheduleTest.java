package io.fleetdiag.poller.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Instant START = Instant.parse("2026-11-23T10:00:07.123Z");
    private static final List<String> FLEET = IntStream.range(0, 100_000).mapToObj(i -> "V400m-" + (300_000_000 + i * 7919)).toList();

    private final CheckSchedule schedule = new CheckSchedule(INTERVAL, INTERVAL);

    @Test
    void consecutivePollsCoverEveryTerminalExactlyOncePerInterval() {
        List<DiagnosisCheckRequest> all = new ArrayList<>();
        Instant from = START;
        for (int poll = 1; poll <= 30; poll++) {
            Instant to = START.plusSeconds(30L * poll);
            all.addAll(schedule.due(FLEET, from, to, "AcmeRetail_EU", null));
            from = to;
        }

        Map<String, Long> perTerminal = all.stream().collect(Collectors.groupingBy(DiagnosisCheckRequest::getPoiid, Collectors.counting()));
        assertThat(perTerminal).hasSize(FLEET.size());
        assertThat(perTerminal.values()).containsOnly(1L);
    }

    @Test
    void checksSpreadEvenlyOverTheInterval() {
        List<Integer> perPoll = new ArrayList<>();
        Instant from = START;
        for (int poll = 1; poll <= 30; poll++) {
            Instant to = START.plusSeconds(30L * poll);
            perPoll.add(schedule.due(FLEET, from, to, "AcmeRetail_EU", null).size());
            from = to;
        }

        // 100,000 terminals over 30 polls: about 3,333 each, never a burst
        assertThat(perPoll).allSatisfy(count -> assertThat(count).isBetween(3_000, 3_700));
    }

    @Test
    void checksAreScheduledDeterministically() {
        Instant to = START.plusSeconds(30);
        List<DiagnosisCheckRequest> once = schedule.due(FLEET, START, to, "AcmeRetail_EU", "EU-0001");
        List<DiagnosisCheckRequest> again = schedule.due(FLEET, START, to, "AcmeRetail_EU", "EU-0001");

        assertThat(again).isEqualTo(once);
        assertThat(once).allSatisfy(check -> {
            assertThat(check.getReason()).isEqualTo(CheckReason.SCHEDULED);
            assertThat(check.getHostDiagnosis()).isFalse();
            assertThat(check.getStore()).isEqualTo("EU-0001");
            assertThat(check.getRequestedAt()).isAfter(START).isBeforeOrEqualTo(to);
            assertThat(check.getDeadline()).isEqualTo(check.getRequestedAt().plus(INTERVAL));
        });
        assertThat(once.stream().map(DiagnosisCheckRequest::getRequestId).distinct()).hasSize(once.size());
    }

    @Test
    void eachTerminalKeepsItsSlot() {
        Map<String, Long> slots = FLEET.stream().limit(1_000).collect(Collectors.toMap(Function.identity(), schedule::slot));

        assertThat(slots.values()).allSatisfy(slot -> assertThat(slot).isBetween(0L, INTERVAL.toMillis() - 1));
        assertThat(new CheckSchedule(INTERVAL, INTERVAL).slot(FLEET.get(0))).isEqualTo(slots.get(FLEET.get(0)));
    }

    @Test
    void aWindowLongerThanTheIntervalIsRefused() {
        assertThatThrownBy(() -> schedule.due(FLEET, START, START.plus(INTERVAL).plusMillis(1), "m", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scheduledChecksOfMobileSdkInstallationsAskForHostDiagnosisAndThoseOfTerminalsDoNot() {
        Map<String, Boolean> hostByPoiid = Map.of(
                "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924", true, "SDK_INSTALLATION_ID", true,
                "V400m-346403161", false, "P400Plus-275426191", false);

        List<DiagnosisCheckRequest> due = schedule.due(hostByPoiid.keySet(), START, START.plus(INTERVAL), "AcmeRetail_EU", null);

        assertThat(due).hasSize(4).allSatisfy(check ->
                assertThat(check.getHostDiagnosis()).as(check.getPoiid()).isEqualTo(hostByPoiid.get(check.getPoiid())));
    }
}
