package io.fleetdiag.faults.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.faults.notify.WebhookDeliveries.Received;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookDeliveriesTest {

    private static final Instant AT = Instant.parse("2026-12-05T21:00:00Z");

    @Test
    void everyPagingEdgeDeliveredOnceInOrderPasses() {
        WebhookDeliveries counted = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED), edge("a", AlertStatus.RESOLVED)),
                List.of(received("a", AlertStatus.RAISED), received("a", AlertStatus.RESOLVED)));

        assertThat(counted).isEqualTo(new WebhookDeliveries(Set.of(), 0, 0, 0, 2));
        assertThat(WebhookDeliveries.arrived(List.of(received("a", AlertStatus.RAISED), received("a", AlertStatus.RAISED))))
                .containsExactly("a/RAISED");
    }

    @Test
    void anEdgeThatNeverArrivedIsLostButSilencedAndUpdatedEdgesNeedNotArrive() {
        TerminalAlert silenced = TerminalAlert.newBuilder(edge("b", AlertStatus.RAISED)).setSilenced(true).setPaging(false).build();
        WebhookDeliveries counted = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED), edge("a", AlertStatus.UPDATED),
                edge("a", AlertStatus.RESOLVED), silenced), List.of(received("a", AlertStatus.RAISED)));

        assertThat(counted.lost()).containsExactly("a/RESOLVED");
    }

    @Test
    void aRepeatUnderTheSameWebhookIdIsAllowedButUnderAnotherIdIsCounted() {
        Received first = received("a", AlertStatus.RAISED);
        WebhookDeliveries same = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED)), List.of(first, first));
        WebhookDeliveries other = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED)),
                List.of(first, new Received("msg_group_1", first.idempotencyKey(), "a", "RAISED")));

        assertThat(same.repeats()).isEqualTo(1);
        assertThat(same.otherIdRepeats()).isZero();
        assertThat(other.otherIdRepeats()).isEqualTo(1);
    }

    @Test
    void aResolvedArrivingBeforeItsRaisedBreaksTheOrderEvenWhenTheRaisedIsRepeatedLater() {
        WebhookDeliveries counted = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED), edge("a", AlertStatus.RESOLVED)),
                List.of(received("a", AlertStatus.RESOLVED), received("a", AlertStatus.RAISED), received("a", AlertStatus.RESOLVED)));
        WebhookDeliveries repeatedInOrder = WebhookDeliveries.of(List.of(edge("a", AlertStatus.RAISED), edge("a", AlertStatus.RESOLVED)),
                List.of(received("a", AlertStatus.RAISED), received("a", AlertStatus.RESOLVED), received("a", AlertStatus.RAISED),
                        received("a", AlertStatus.RESOLVED)));

        assertThat(counted.outOfOrder()).isEqualTo(1);
        assertThat(counted.lost()).isEmpty();
        assertThat(repeatedInOrder.outOfOrder()).isZero();
        assertThat(repeatedInOrder.repeats()).isEqualTo(2);
    }

    private static Received received(String alertId, AlertStatus status) {
        String key = alertId + "/" + status.name().toLowerCase() + "/" + AT.toEpochMilli();
        return new Received("msg_" + key, key, alertId, status.name());
    }

    private static TerminalAlert edge(String alertId, AlertStatus status) {
        return TerminalAlert.newBuilder().setAlertId(alertId).setStatus(status).setType(AlertType.PRINTER_FAULT).setSeverity(Severity.WARNING)
                .setPoiid("V400m-1").setMerchantAccount("AcmeRetail_EU").setStore("EU-0001").setSummary("printer").setRemediation("paper")
                .setRaisedAt(AT).setResolvedAt(status == AlertStatus.RESOLVED ? AT : null).setEventTime(AT).build();
    }
}
