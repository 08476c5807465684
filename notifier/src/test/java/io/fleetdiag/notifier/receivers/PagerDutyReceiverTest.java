package io.fleetdiag.notifier.receivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.notifier.Alerts;
import io.fleetdiag.notifier.HttpSink;
import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PagerDuty Events v2 against a local receiver: trigger, acknowledge and resolve share the alertId as dedup_key. */
class PagerDutyReceiverTest {

    @Test
    void anEpisodeTriggersIsAcknowledgedAndResolvesUnderOneDedupKey() throws Exception {
        try (HttpSink pagerduty = HttpSink.start()) {
            pagerduty.answer(body -> 202);
            PagerDutyReceiver receiver = new PagerDutyReceiver("pager", URI.create(pagerduty.url("/v2/enqueue")), "R0UTINGKEY",
                    new HttpPost(Duration.ofSeconds(5)), new DashboardLinks(URI.create("http://fleetdiag.example/dashboard")));
            Instant at = Instant.parse("2026-12-05T10:00:00Z");
            TerminalAlert raised = Alerts.raised("V400m-1", "EU-0001", AlertType.TAMPER_DETECTED, Severity.CRITICAL, at);
            AlertOperation ack = AlertOperation.newBuilder().setKind(AlertOperationKind.ACKNOWLEDGEMENT).setId(raised.getAlertId()).setBy("Ana")
                    .setCreatedAt(at.plusSeconds(60)).setScope(AlertScope.newBuilder().setPoiid("V400m-1").setMerchantAccount("AcmeRetail_EU")
                            .setStore("EU-0001").setAlertType("TAMPER_DETECTED").build()).build();
            receiver.deliver(List.of(Notification.of(raised), Notification.acknowledgement(ack),
                    Notification.of(Alerts.resolved(raised, at.plusSeconds(120)))));

            List<JsonNode> events = pagerduty.received().stream().map(received -> read(received.body())).toList();
            assertThat(events).extracting(event -> event.path("event_action").asText()).containsExactly("trigger", "acknowledge", "resolve");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.path("dedup_key").asText()).isEqualTo(raised.getAlertId());
                assertThat(event.path("routing_key").asText()).isEqualTo("R0UTINGKEY");
            });
            JsonNode payload = events.get(0).path("payload");
            assertThat(payload.path("severity").asText()).isEqualTo("critical");
            assertThat(payload.path("source").asText()).isEqualTo("V400m-1");
            assertThat(payload.path("group").asText()).isEqualTo("AcmeRetail_EU/EU-0001");
            assertThat(events.get(0).path("links").get(0).path("href").asText())
                    .isEqualTo("http://fleetdiag.example/dashboard/terminal.html?poiid=V400m-1");

            pagerduty.answer(body -> 429);
            assertThatThrownBy(() -> receiver.deliver(List.of(Notification.of(raised))))
                    .isInstanceOfSatisfying(DeliveryFailure.class, failure -> assertThat(failure.retriable()).isTrue());
            pagerduty.answer(body -> 400);
            assertThatThrownBy(() -> receiver.deliver(List.of(Notification.of(raised))))
                    .isInstanceOfSatisfying(DeliveryFailure.class, failure -> assertThat(failure.retriable()).isFalse());
        }
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
