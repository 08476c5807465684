package io.fleetdiag.terminalapi.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.AttestationStatus;
import io.fleetdiag.schemas.NetworkInterface;
import io.fleetdiag.schemas.ResolvableIssue;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Response.AdditionalResponse}, the URL-encoded {@code k=v&k=v} string of a
 * DiagnosisResponse, into its documented keys (docs/design.md#the-terminal-api). It never throws: a value that
 * does not decode is left out of its field and recorded in {@code parseProblems}, and keys the
 * documents do not describe are kept in {@code otherEntries}.
 */
public final class AdditionalResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdditionalResponseParser() {
    }

    /** The key/value pairs, URL-decoded, in order; a pair that does not decode keeps its raw text. */
    public static Map<String, String> pairs(String raw, List<String> problems) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.put(decode(key, problems), decode(value, problems));
        }
        return pairs;
    }

    public static AdditionalResponse parse(String raw) {
        List<String> problems = new ArrayList<>();
        AdditionalResponse.Builder parsed = AdditionalResponse.newBuilder().setNetworkProfile(List.of());
        Map<String, String> other = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pairs(raw, problems).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            switch (key) {
                case "batteryLevel" -> parsed.setBatteryLevel(percent(key, value, problems));
                case "unconfirmedBatchCount" -> parsed.setUnconfirmedBatchCount(count(key, value, problems));
                case "firmwareVersion" -> parsed.setFirmwareVersion(value);
                case "networkProfile" -> parsed.setNetworkProfile(networkProfile(value, problems));
                case "merchantAccount" -> parsed.setMerchantAccount(value);
                case "terminalId" -> parsed.setTerminalId(value);
                case "storeId" -> parsed.setStoreId(value);
                case "tamperStatus" -> parsed.setTamperStatus(value);
                // the table names it p2peFirmwareVersionNumber, the example sends p2peFirmwareVersion
                case "p2peFirmwareVersionNumber", "p2peFirmwareVersion" -> parsed.setP2peFirmwareVersion(value);
                case "p2peOpenProtocolVersion" -> parsed.setP2peOpenProtocolVersion(value);
                case "p2peSREDVersion" -> parsed.setP2peSREDVersion(value);
                case "p2peVaultVersion" -> parsed.setP2peVaultVersion(value);
                case "p2peAppManagerVersion" -> parsed.setP2peAppManagerVersion(value);
                case "sdkExpiry" -> parsed.setSdkExpiry(instant(key, value, problems));
                case "storeAndForwardStatus" -> parsed.setStoreAndForwardStatus(storeAndForward(value, problems));
                case "attestationStatus" -> parsed.setAttestationStatus(attestation(value, problems));
                case "asyncCaptureStatus" -> parsed.setAsyncCaptureStatus(value);
                default -> other.put(key, value);
            }
        }
        return parsed.setOtherEntries(other).setParseProblems(problems).build();
    }

    private static String decode(String text, List<String> problems) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problems.add("'" + text + "': bad URL encoding (" + e.getMessage() + ")");
            return text;
        }
    }

    private static Integer percent(String key, String value, List<String> problems) {
        String digits = value.trim();
        if (digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1).trim();
        }
        Integer level = count(key, digits, problems);
        if (level != null && level > 100) {
            problems.add(key + ": " + level + " is not a percentage");
            return null;
        }
        return level;
    }

    private static Integer count(String key, String value, List<String> problems) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                problems.add(key + ": negative value " + number);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(key + ": '" + value + "' is not a whole number");
            return null;
        }
    }

    private static Instant instant(String key, String value, List<String> problems) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(key + ": '" + value + "' is not a UTC date and time");
            return null;
        }
    }

    /** Base64 in either alphabet, padded or not: networkProfile is standard Base64, the mobile keys Base64URL. */
    private static JsonNode base64Json(String key, String value, List<String> problems) {
        byte[] bytes;
        String text = value.trim();
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            try {
                bytes = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException url) {
                problems.add(key + ": not Base64");
                return null;
            }
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            problems.add(key + ": decoded Base64 is not JSON");
            return null;
        }
    }

    private static List<NetworkInterface> networkProfile(String value, List<String> problems) {
        JsonNode profile = base64Json("networkProfile", value, problems);
        if (profile == null) {
            return List.of();
        }
        List<NetworkInterface> interfaces = new ArrayList<>();
        if (profile.isObject()) {
            interfaces.add(networkInterface(profile));
        } else if (profile.isArray()) {
            for (JsonNode entry : profile) {
                if (entry.isObject()) {
                    interfaces.add(networkInterface(entry));
                } else {
                    problems.add("networkProfile: entry " + entry.getNodeType() + " is not an object");
                }
            }
        } else {
            problems.add("networkProfile: decoded JSON is neither an object nor an array");
        }
        return interfaces;
    }

    private static NetworkInterface networkInterface(JsonNode entry) {
        NetworkInterface.Builder builder = NetworkInterface.newBuilder();
        Map<String, String> other = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = entry.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String text = field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString();
            switch (field.getKey().toLowerCase(Locale.ROOT)) {
                case "address" -> builder.setAddress(text);
                case "iface" -> builder.setIface(text);
                default -> other.put(field.getKey(), text);
            }
        }
        return builder.setOther(other).build();
    }

    private static StoreAndForwardStatus storeAndForward(String value, List<String> problems) {
        JsonNode status = base64Json("storeAndForwardStatus", value, problems);
        if (status == null) {
            return null;
        }
        if (!status.isObject()) {
            problems.add("storeAndForwardStatus: decoded JSON is not an object");
            return null;
        }
        return StoreAndForwardStatus.newBuilder()
                .setAvailable(bool(status.get("available")))
                .setActive(bool(status.get("active")))
                .setExpiresAt(text(status.get("expiresAt")) == null ? null
                        : instant("storeAndForwardStatus.expiresAt", text(status.get("expiresAt")), problems))
                .setForwardAttemptStatus(text(status.get("forwardAttemptStatus")))
                .build();
    }

    private static AttestationStatus attestation(String value, List<String> problems) {
        JsonNode status = base64Json("attestationStatus", value, problems);
        if (status == null) {
            return null;
        }
        if (!status.isObject()) {
            problems.add("attestationStatus: decoded JSON is not an object");
            return null;
        }
        String statusValue = text(status.get("status"));
        List<ResolvableIssue> issues = new ArrayList<>();
        JsonNode resolvable = status.get("resolvableIssues");
        if (resolvable != null && resolvable.isArray()) {
            for (JsonNode issue : resolvable) {
                issues.add(issue.isObject()
                        ? ResolvableIssue.newBuilder().setName(text(issue.get("name"))).setMessage(text(issue.get("message"))).build()
                        : ResolvableIssue.newBuilder().setName(null).setMessage(issue.asText()).build());
            }
        }
        return AttestationStatus.newBuilder()
                .setStatus(attestationResult(statusValue))
                .setStatusValue(statusValue)
                .setSelfResolvableIssues(bool(status.get("selfResolvableIssues")))
                .setResolvableIssues(issues)
                .build();
    }

    static AttestationResult attestationResult(String value) {
        if (value == null) {
            return AttestationResult.UNKNOWN;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "VALID" -> AttestationResult.VALID;
            case "REJECTED" -> AttestationResult.REJECTED;
            case "FAILED" -> AttestationResult.FAILED;
            case "EXPIRED" -> AttestationResult.EXPIRED;
            default -> AttestationResult.UNKNOWN;
        };
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().trim();
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
