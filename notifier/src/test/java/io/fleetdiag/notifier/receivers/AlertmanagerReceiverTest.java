package io.fleetdiag.notifier.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.notifier.Alerts;
import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerReceiverTest {

    private final AlertmanagerReceiver receiver = new AlertmanagerReceiver("am", URI.create("http://127.0.0.1:9093"),
            new HttpPost(Duration.ofSeconds(1)), new DashboardLinks(URI.create("http://127.0.0.1:8080/dashboard/")), Duration.ofMinutes(1),
            Clock.systemUTC());

    @Test
    void aFiringAlertEndsFourResendIntervalsAheadAndAResolvedOneAtItsResolution() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        TerminalAlert raised = Alerts.raised("V400m-1", "EU-0001", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, now.minusSeconds(30));
        assertThat(receiver.alert(Notification.of(raised), now)).containsEntry("endsAt", "2026-12-05T10:04:00Z")
                .containsEntry("startsAt", "2026-12-05T09:59:30Z");
        assertThat(receiver.alert(Notification.of(Alerts.resolved(raised, now)), now)).containsEntry("endsAt", "2026-12-05T10:00:00Z");
    }

    /** Seen on the local stack: a STORE_DEGRADED resolved with an event time before its raise, which Alertmanager refuses with a 400. */
    @Test
    void aResolutionStampedBeforeItsRaiseStillEndsAfterItStarts() {
        Instant raisedAt = Instant.parse("2026-12-05T17:14:23.979Z");
        TerminalAlert store = TerminalAlert.newBuilder(Alerts.raised("x", "US-0005", AlertType.STORE_DEGRADED, Severity.CRITICAL, raisedAt))
                .setPoiid(null).build();
        Map<String, Object> alert = receiver.alert(Notification.of(Alerts.resolved(store, Instant.parse("2026-12-05T17:14:22.878Z"))), raisedAt);
        assertThat(alert).containsEntry("endsAt", "2026-12-05T17:14:23.980Z")
                .containsEntry("generatorURL", "http://127.0.0.1:8080/dashboard/store.html?merchantAccount=AcmeRetail_EU&store=US-0005");
        assertThat(alert.get("labels")).isEqualTo(Map.of("alertname", "StoreDegraded", "type", "STORE_DEGRADED", "severity", "critical",
                "alertId", store.getAlertId(), "merchantAccount", "AcmeRetail_EU", "store", "US-0005"));
    }
}
