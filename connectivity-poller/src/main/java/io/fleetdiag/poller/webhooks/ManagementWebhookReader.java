package io.fleetdiag.poller.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.poller.events.UnreadableBody;
import io.fleetdiag.poller.inventory.TerminalUpdate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the three terminal webhooks of Adyen's Management notifications (ManagementNotificationService-v3):
 * {@code terminalAssignment.completed}, flat ({@code uniqueTerminalId}, {@code assignedToAccount}, {@code assignedToStoreId},
 * {@code eventDate}, no {@code type}); {@code terminalBoarding.triggered} ({@code type}, {@code createdAt}, {@code data} with
 * {@code uniqueTerminalId}, {@code companyId}, {@code merchantId}, {@code storeId}); {@code terminalSettings.modified}
 * ({@code data.terminalId}, which Adyen leaves optional: settings changed at merchant or store level name no terminal).
 */
final class ManagementWebhookReader {

    static final String ASSIGNMENT = "terminalAssignment.completed";
    static final String BOARDING = "terminalBoarding.triggered";
    static final String SETTINGS = TerminalUpdate.SETTINGS;
    private static final ObjectMapper JSON = new ObjectMapper();


    private ManagementWebhookReader() {
    }

    /** The update, or empty for a well-formed webhook that concerns no one terminal (settings changed above terminal level). */
    static Optional<TerminalUpdate> read(String body) throws UnreadableBody {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("The body is not JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableBody("The body is not a JSON object", null);
        }
        String type = text(root, "type");
        if (type == null) {
            return Optional.of(assignment(root));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new UnreadableBody(type + ": data is missing", null);
        }
        return switch (type) {
            case BOARDING -> {
                String poiid = required(data, "uniqueTerminalId", type + ": data.uniqueTerminalId", null);
                required(data, "companyId", type + ": data.companyId", poiid);
                Instant at = instant(root, "createdAt", type + ": createdAt", poiid);
                yield Optional.of(new TerminalUpdate(type, poiid, text(data, "merchantId"), text(data, "companyId"), text(data, "storeId"),
                        "boarded", at));
            }
            case SETTINGS -> {
                String poiid = text(data, "terminalId");
                Instant at = instant(root, "createdAt", type + ": createdAt", poiid);
                yield poiid == null ? Optional.empty()
                        : Optional.of(new TerminalUpdate(type, poiid, text(data, "merchantId"), text(data, "companyId"), text(data, "storeId"),
                        null, at));
            }
            default -> throw new UnreadableBody("Not a terminal webhook: type " + type, null);
        };
    }

    private static TerminalUpdate assignment(JsonNode root) throws UnreadableBody {
        String poiid = required(root, "uniqueTerminalId", "No type, and no uniqueTerminalId of a " + ASSIGNMENT, null);
        String account = required(root, "assignedToAccount", ASSIGNMENT + ": assignedToAccount", poiid);
        Instant at = instant(root, "eventDate", ASSIGNMENT + ": eventDate", poiid);
        String store = text(root, "assignedToStoreId");
        // assigned to a store it can take payments there; to an account alone it is in that account's inventory
        return new TerminalUpdate(ASSIGNMENT, poiid, account, null, store, store == null ? "inventory" : "boarded", at);
    }

    private static String required(JsonNode node, String field, String name, String poiid) throws UnreadableBody {
        String value = text(node, field);
        if (value == null) {
            throw new UnreadableBody(name + " is missing", poiid);
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field, String name, String poiid) throws UnreadableBody {
        String stamp = required(node, field, name, poiid);
        try {
            return OffsetDateTime.parse(stamp).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableBody(name + " is not a date-time: " + stamp, poiid);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
