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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AlertEpisodeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

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
        AlertEpisode episode = AlertEpisode.of(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0))
                .with(acknowledgedUpdate)
                .with(edge("a1", AlertStatus.RESOLVED, Severity.CRITICAL, 0, 9));

        assertThat(episode.active()).isFalse();
        assertThat(episode.severity()).isEqualTo("CRITICAL");
        assertThat(episode.raisedAt()).isEqualTo(at(0));
        assertThat(episode.updatedAt()).isEqualTo(at(9));
        assertThat(episode.resolvedAt()).isEqualTo(at(9));
        assertThat(episode.acknowledgedBy()).as("kept from the edge that carried it").isEqualTo("ops");
    }

    @Test
    void aReplayedOlderEdgeNeverReopensAnEpisode() {
        AlertEpisode resolved = AlertEpisode.of(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0))
                .with(edge("a1", AlertStatus.RESOLVED, Severity.WARNING, 0, 9));

        assertThat(resolved.with(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0))).isEqualTo(resolved);
        assertThat(resolved.with(edge("a1", AlertStatus.UPDATED, Severity.CRITICAL, 0, 20))).isEqualTo(resolved);
    }

    @Test
    void onlyAResolvedEpisodeEnds() {
        AlertEpisode open = AlertEpisode.of(edge("a1", AlertStatus.RAISED, Severity.WARNING, 0, 0));
        AlertEpisode resolved = open.with(edge("a1", AlertStatus.RESOLVED, Severity.WARNING, 0, 9));

        assertThat(open.endedBefore(at(60 * 24 * 365))).isFalse();
        assertThat(resolved.endedBefore(at(9))).isFalse();
        assertThat(resolved.endedBefore(at(10))).isTrue();
    }

    @Test
    void oneSubjectsKeysSortNewestFirstAndNeverAmongAnotherSubjects() {
        List<String> keys = Stream.of(
                        EpisodeKey.of("V400m-1", at(1), "b"), EpisodeKey.of("V400m-10", at(5), "a"), EpisodeKey.of("V400m-1", at(7), "a"),
                        EpisodeKey.of("V400m-1", at(1), "a"), EpisodeKey.of("V400m-1", Instant.EPOCH, "z"))
                .sorted().toList();

        assertThat(keys.stream().filter(key -> key.startsWith(EpisodeKey.prefix("V400m-1")))).containsExactly(
                EpisodeKey.of("V400m-1", at(7), "a"), EpisodeKey.of("V400m-1", at(1), "a"), EpisodeKey.of("V400m-1", at(1), "b"),
                EpisodeKey.of("V400m-1", Instant.EPOCH, "z"));
        assertThat(keys.stream().filter(key -> key.startsWith(EpisodeKey.prefix("V400m-10")))).containsExactly(
                EpisodeKey.of("V400m-10", at(5), "a"));
    }

    @Test
    void everyVersionOfTheFormatReads() {
        CodecFixtures.assertEveryVersionReads(AlertEpisode.SERDE, "AlertEpisode",
                new AlertEpisode("a2", "V400m-1", "Acme_EU", "EU-1", "PRINTER_FAULT", "WARNING", "no paper", false, at(3), at(4), at(4),
                        "ops", true));
    }
}
