package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Adyen's Management webhooks for terminals (ManagementNotificationService-v3) when the simulated inventory changes:
 * {@code terminalAssignment.completed} (flat, no {@code type}), {@code terminalBoarding.triggered} and
 * {@code terminalSettings.modified} ({@code type}, {@code environment}, {@code createdAt}, {@code data}). Each is signed as
 * Adyen signs them: the {@code HmacSignature} header holds the base64 of HMAC-SHA256 over the body, keyed with the webhook's
 * hex HMAC key decoded to bytes. A webhook not answered with a 2xx is sent again with backoff (at most
 * {@link RetryingSender#ATTEMPTS} times) on a 5xx, 429 or no answer, as Adyen retries; a 4xx is given up.
 */
public final class ManagementWebhooks {

    /** The webhook's URL and its HMAC key (hex, as the Customer Area shows it). */
    public record Target(URI url, String hmacKey) {
        public Target {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(hmacKey, "hmacKey");
            HexFormat.of().parseHex(hmacKey);
        }

        @Override
        public String toString() {
            return "Target[url=" + url + "]";
        }
    }

    static final String ASSIGNMENT = "terminalAssignment.completed";
    static final String BOARDING = "terminalBoarding.triggered";
    static final String SETTINGS = "terminalSettings.modified";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final SecretKeySpec key;
    private final RetryingSender sender;
    private final AtomicLong pspReferences = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public ManagementWebhooks(Target target, ScheduledExecutorService scheduler) {
        this.target = target;
        this.key = new SecretKeySpec(HexFormat.of().parseHex(target.hmacKey()), "HmacSHA256");
        // Adyen takes any 2xx as the webhook accepted
        this.sender = new RetryingSender(target.url(), status -> status / 100 == 2, scheduler);
    }

    public Target target() {
        return target;
    }

    /** A reassignment finished: the terminal is now where {@code entry} says. */
    void assigned(InventoryEntry entry, Instant at) {
        ObjectNode body = JSON.createObjectNode().put("uniqueTerminalId", entry.id())
                .put("pspReference", "SIM" + pspReferences.incrementAndGet())
                .put("eventDate", at.toString()).put("assignedToAccount", entry.merchantId());
        if (entry.storeId() != null) {
            body.put("assignedToStoreId", entry.storeId());
        }
        send(body.toString());
    }

    /** The terminal was boarded to where {@code entry} says. */
    void boarded(InventoryEntry entry, Instant at) {
        ObjectNode data = JSON.createObjectNode().put("uniqueTerminalId", entry.id()).put("companyId", InventoryEntry.COMPANY_ID)
                .put("merchantId", entry.merchantId());
        if (entry.storeId() != null) {
            data.put("storeId", entry.storeId());
        }
        send(envelope(BOARDING, at, data));
    }

    /** The terminal's settings were changed through the Management API. */
    void settingsModified(InventoryEntry entry, Instant at) {
        ObjectNode data = JSON.createObjectNode().put("terminalId", entry.id()).put("companyId", InventoryEntry.COMPANY_ID)
                .put("merchantId", entry.merchantId()).put("updateSource", "Management Api").put("user", "ws_simulator@Company.AcmeRetailGroup");
        if (entry.storeId() != null) {
            data.put("storeId", entry.storeId());
        }
        send(envelope(SETTINGS, at, data));
    }

    private static String envelope(String type, Instant at, ObjectNode data) {
        ObjectNode root = JSON.createObjectNode().put("createdAt", at.toString()).put("environment", "test").put("type", type);
        root.set("data", data);
        return root.toString();
    }

    /** The body's signature, as the receiver checks it. */
    String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void send(String body) {
        sender.send(body, "HmacSignature", sign(body));
    }

    /** Webhooks answered with a 2xx. */
    public long delivered() {
        return sender.delivered();
    }

    /** Webhooks given up on: refused (4xx) or unanswered after every attempt. */
    public long failed() {
        return sender.failed();
    }

    /** The last answer that was not a 2xx, for the admin API. */
    public String lastRefusal() {
        return sender.lastRefusal();
    }
}
