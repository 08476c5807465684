package io.fleetdiag.poller.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.schemas.TerminalEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventNotificationReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-05-25T10:00:01Z");

    @Test
    void readsAdyensShapeWithEitherOffsetForm() throws Exception {
        TerminalEvent event = EventNotificationReader.read(TerminalEventsIT.notification("P400Plus-275039202", "BeginMaintenance",
                "2026-05-25T12:00:00.000+02:00"), RECEIVED);
        TerminalEvent compact = EventNotificationReader.read(TerminalEventsIT.notification("P400Plus-275039202", "BeginMaintenance",
                "2026-05-25T12:00:00+0200"), RECEIVED);

        assertThat(event.getPoiid()).isEqualTo("P400Plus-275039202");
        assertThat(event.getEventToNotify()).isEqualTo("BeginMaintenance");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-05-25T10:00:00Z"));
        assertThat(event.getMaintenanceRequired()).isTrue();
        assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
        assertThat(compact.getEventId()).isEqualTo(event.getEventId());
    }

    @Test
    void anEventFleetdiagHasNoRuleForIsCarriedAndAnAbsentFlagIsFalse() throws Exception {
        String body = """
                {"SaleToPOIRequest":{"MessageHeader":{"MessageClass":"Event","MessageCategory":"Event","MessageType":"Notification",
                "SaleID":"S","POIID":"V400m-1"},"EventNotification":{"EventToNotify":"CardInserted","TimeStamp":"2026-05-25T10:00:00Z"}}}""";

        TerminalEvent event = EventNotificationReader.read(body, RECEIVED);

        assertThat(event.getEventToNotify()).isEqualTo("CardInserted");
        assertThat(event.getMaintenanceRequired()).isFalse();
        assertThat(event.getEventDetails()).isNull();
    }

    @Test
    void eachMissingPartIsNamed() {
        assertThatThrownBy(() -> EventNotificationReader.read("[1]", RECEIVED)).hasMessageContaining("No SaleToPOIRequest");
        assertThatThrownBy(() -> EventNotificationReader.read("{\"SaleToPOIRequest\":{\"MessageHeader\":{}}}", RECEIVED))
                .hasMessageContaining("POIID is missing");
        assertThatThrownBy(() -> EventNotificationReader.read(
                "{\"SaleToPOIRequest\":{\"MessageHeader\":{\"POIID\":\"V400m-1\",\"MessageCategory\":\"Diagnosis\"},\"EventNotification\":{}}}",
                RECEIVED)).hasMessageContaining("Not an EventNotification (MessageCategory Diagnosis)");
        assertThatThrownBy(() -> EventNotificationReader.read(
                "{\"SaleToPOIRequest\":{\"MessageHeader\":{\"POIID\":\"V400m-1\"},\"EventNotification\":{\"TimeStamp\":\"2026-05-25T10:00:00Z\"}}}",
                RECEIVED)).hasMessageContaining("EventToNotify is missing")
                .isInstanceOfSatisfying(UnreadableBody.class, e -> assertThat(e.poiid()).hasValue("V400m-1"));
        assertThatThrownBy(() -> EventNotificationReader.read(TerminalEventsIT.notification("V400m-1", "Shutdown", "2026-05-25 10:00"), RECEIVED))
                .hasMessageContaining("TimeStamp is not a date-time: 2026-05-25 10:00");
    }
}
