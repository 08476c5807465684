package io.fleetdiag.poller.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.TerminalEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a Terminal API event notification as the terminals POST it:
 * {@code {"SaleToPOIRequest": {"MessageHeader": {..., "POIID"}, "EventNotification": {"EventToNotify", "TimeStamp",
 * "EventDetails", "MaintenanceRequiredFlag"}}}} (Adyen's TerminalAPI-v1 spec). What the rules need is required; an
 * EventToNotify value fleetdiag has no rule for is carried as it is.
 */
final class EventNotificationReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    // ISO 8601 with a colon in the offset, or Adyen's older "+0000" form
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();


    private EventNotificationReader() {
    }

    static TerminalEvent read(String body, Instant receivedAt) throws UnreadableBody {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("The body is not JSON: " + e.getOriginalMessage(), null);
        }
        JsonNode request = root == null ? null : root.get("SaleToPOIRequest");
        if (request == null || !request.isObject()) {
            throw new UnreadableBody("No SaleToPOIRequest object in the body", null);
        }
        JsonNode header = request.get("MessageHeader");
        String poiid = text(header, "POIID");
        if (poiid == null) {
            throw new UnreadableBody("SaleToPOIRequest.MessageHeader.POIID is missing", null);
        }
        String category = text(header, "MessageCategory");
        JsonNode notification = request.get("EventNotification");
        if (notification == null || !notification.isObject() || category != null && !category.equals("Event")) {
            throw new UnreadableBody("Not an EventNotification (MessageCategory " + category + ")", poiid);
        }
        String event = text(notification, "EventToNotify");
        if (event == null) {
            throw new UnreadableBody("EventNotification.EventToNotify is missing", poiid);
        }
        String stamp = text(notification, "TimeStamp");
        if (stamp == null) {
            throw new UnreadableBody("EventNotification.TimeStamp is missing", poiid);
        }
        Instant occurredAt = instant(stamp).orElseThrow(() -> new UnreadableBody("EventNotification.TimeStamp is not a date-time: " + stamp, poiid));
        JsonNode flag = notification.get("MaintenanceRequiredFlag");
        if (flag != null && !flag.isBoolean()) {
            throw new UnreadableBody("EventNotification.MaintenanceRequiredFlag is not a boolean", poiid);
        }
        return TerminalEvent.newBuilder()
                .setEventId(poiid + "|" + event + "|" + occurredAt.toEpochMilli())
                .setPoiid(poiid)
                .setSaleId(text(header, "SaleID"))
                .setEventToNotify(event)
                .setEventDetails(text(notification, "EventDetails"))
                .setMaintenanceRequired(flag != null && flag.booleanValue())
                .setOccurredAt(occurredAt)
                .setReceivedAt(receivedAt)
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Optional<Instant> instant(String stamp) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME, COMPACT_OFFSET}) {
            try {
                return Optional.of(OffsetDateTime.parse(stamp, format).toInstant());
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }
}
