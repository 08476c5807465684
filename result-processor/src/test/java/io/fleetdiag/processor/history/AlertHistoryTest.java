package io.fleetdiag.processor.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.codec.CodecFixtures;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static TerminalAlert edge(String alertId, AlertStatus status, Severity severity, int raisedMinute, int minute) {
        return TerminalAlert.newBuilder().setAlertId(alertId).setStatus(status).setType(AlertType.BATTERY_LOW).setSeverity(severity)
                .setPoiid("V400m-1").setMerchantAccount("Acme_EU").setStore("EU-1").setSummary("battery " + status)
                .setEvidence(Map.of()).setRemediation("charge it").setRaisedAt(at(raisedMinute))
                .setResolvedAt(status == AlertStatus.RESOLVED ? at(minute) : null).setEventTime(at(minute))
                .setPaging(true).setSilenced(false).build();
    }

    @Test
    void raisedUpdatedAndResolvedEdgesFoldIntoOneEpisode() {
        TerminalAlert acknowledgedUpdate = edge("a1", AlertStatus.UPDATED, Severity.CRITICAL, 0, 5);
        acknowledgedUpdate.setAcknowledgedBy("ops");
        AlertHistory history = AlertHistory.EMPTY
                .with(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0), WEEK, 100)
                .with(acknowledgedUpdate, WEEK, 100)
                .with(edge("a1", AlertStatus.RESOLVED, Severity.CRITICAL, 0, 9), WEEK, 100);

        assertThat(history.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.active()).isFalse();
            assertThat(episode.severity()).isEqualTo("CRITICAL");
            assertThat(episode.raisedAt()).isEqualTo(at(0));
            assertThat(episode.updatedAt()).isEqualTo(at(9));
            assertThat(episode.resolvedAt()).isEqualTo(at(9));
            assertThat(episode.acknowledgedBy()).as("kept from the edge that carried it").isEqualTo("ops");
        });
    }

    @Test
    void aReplayedOlderEdgeNeverReopensAnEpisode() {
        AlertHistory resolved = AlertHistory.EMPTY
                .with(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0), WEEK, 100)
                .with(edge("a1", AlertStatus.RESOLVED, Severity.WARNING, 0, 9), WEEK, 100);

        assertThat(resolved.with(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0), WEEK, 100)).isEqualTo(resolved);
        assertThat(resolved.with(edge("a1", AlertStatus.UNKNOWN, Severity.WARNING, 0, 20), WEEK, 100)).isEqualTo(resolved);
    }

    @Test
    void episodesResolvedBeyondTheRetentionGoButOpenOnesStay() {
        AlertHistory history = AlertHistory.EMPTY
                .with(edge("old", AlertStatus.RAISED, Severity.WARNING, 0, 0), WEEK, 100)
                .with(edge("old", AlertStatus.RESOLVED, Severity.WARNING, 0, 1), WEEK, 100)
                .with(edge("open", AlertStatus.RAISED, Severity.WARNING, 2, 2), WEEK, 100);

        assertThat(history.trimmed(at(1).plus(WEEK), WEEK, 100).episodes()).extracting(AlertEpisode::alertId).containsExactly("open", "old");
        assertThat(history.trimmed(at(2).plus(WEEK), WEEK, 100).episodes()).extracting(AlertEpisode::alertId).containsExactly("open");
        assertThat(history.trimmed(at(2).plus(WEEK.multipliedBy(10)), WEEK, 100).episodes()).extracting(AlertEpisode::alertId)
                .containsExactly("open");
    }

    @Test
    void atMostTheNewestEpisodesAreKeptNewestFirst() {
        AlertHistory history = AlertHistory.EMPTY;
        for (int minute = 0; minute < 8; minute++) {
            history = history.with(edge("e" + minute, AlertStatus.RAISED, Severity.WARNING, minute, minute), WEEK, 5);
        }

        assertThat(history.episodes()).extracting(AlertEpisode::alertId).containsExactlyElementsOf(
                IntStream.of(7, 6, 5, 4, 3).mapToObj(minute -> "e" + minute).toList());
    }

    @Test
    void everyVersionOfTheFormatReads() {
        AlertHistory history = new AlertHistory(List.of(
                new AlertEpisode("a2", "V400m-1", "Acme_EU", "EU-1", "PRINTER_FAULT", "WARNING", "no paper", true, at(3), at(4), null, null, true),
                new AlertEpisode("a1", null, "Acme_EU", "EU-1", "STORE_DEGRADED", "CRITICAL", "store degraded", false, at(0), at(2), at(2),
                        "ops", false)));
        CodecFixtures.assertEveryVersionReads(AlertHistory.SERDE, "AlertHistory", history);
    }
}
