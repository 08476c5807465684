package io.fleetdiag.terminalapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Where each call goes, and how its connected-terminal answer reads, in one API flavour. */
abstract sealed class ApiRoutes {

    static ApiRoutes of(ApiFlavour flavour, URI baseUrl) {
        return flavour == ApiFlavour.TERMINAL_API ? new TerminalApi(baseUrl) : new DeviceApi(baseUrl);
    }

    abstract HttpRequest.Builder connectedTerminals(String merchantAccount, String store, String uniqueTerminalId, String json);

    /** The POIIDs in a 200 answer; throws {@link IllegalArgumentException} naming what is missing. */
    abstract List<String> connectedIds(JsonNode answer, String uniqueTerminalId);

    abstract HttpRequest.Builder sync(DiagnosisCall call, String body);

    static List<String> stringArray(JsonNode answer, String field) {
        JsonNode ids = answer.get(field);
        if (ids == null || !ids.isArray()) {
            throw new IllegalArgumentException("answer has no '" + field + "' array");
        }
        List<String> result = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' holds a " + id.getNodeType() + ", not a POIID");
            }
            result.add(id.textValue());
        }
        return result;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code POST /connectedTerminals} with a JSON body and {@code POST /sync}. */
    static final class TerminalApi extends ApiRoutes {
        private final URI baseUrl;

        TerminalApi(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        HttpRequest.Builder connectedTerminals(String merchantAccount, String store, String uniqueTerminalId, String json) {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/connectedTerminals"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }

        @Override
        List<String> connectedIds(JsonNode answer, String uniqueTerminalId) {
            return stringArray(answer, "uniqueTerminalIds");
        }

        @Override
        HttpRequest.Builder sync(DiagnosisCall call, String body) {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/sync"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * The Cloud device API under {@code /v1}: connected devices of a merchant account (optionally a
     * store), the status of one device, and {@code /devices/{id}/sync}.
     */
    static final class DeviceApi extends ApiRoutes {
        private final String v1;

        DeviceApi(URI baseUrl) {
            String base = baseUrl.toString();
            this.v1 = base.endsWith("/v1") ? base : base + "/v1";
        }

        @Override
        HttpRequest.Builder connectedTerminals(String merchantAccount, String store, String uniqueTerminalId, String json) {
            String merchant = v1 + "/merchants/" + segment(merchantAccount);
            if (uniqueTerminalId != null) {
                return HttpRequest.newBuilder(URI.create(merchant + "/devices/" + segment(uniqueTerminalId) + "/status")).GET();
            }
            String query = store == null ? "" : "?store=" + segment(store);
            return HttpRequest.newBuilder(URI.create(merchant + "/connectedDevices" + query)).GET();
        }

        @Override
        List<String> connectedIds(JsonNode answer, String uniqueTerminalId) {
            if (uniqueTerminalId == null) {
                return stringArray(answer, "uniqueDeviceIds");
            }
            return deviceStatus(answer, uniqueTerminalId) ? List.of(uniqueTerminalId) : List.of();
        }

        /** DeviceStatusResponse: {@code status} ONLINE or OFFLINE (Adyen's enum, as spelt there), about the device asked for. */
        private static boolean deviceStatus(JsonNode answer, String deviceId) {
            JsonNode id = answer.get("deviceId");
            if (id != null && !id.isNull() && !deviceId.equals(id.asText())) {
                throw new IllegalArgumentException("device status answer is about '" + id.asText() + "', not the device asked for");
            }
            JsonNode status = answer.get("status");
            if (status == null || !status.isTextual()) {
                throw new IllegalArgumentException("device status answer has no 'status'");
            }
            return switch (status.textValue()) {
                case "ONLINE" -> true;
                case "OFFLINE" -> false;
                default -> throw new IllegalArgumentException("device status '" + status.textValue() + "' is neither ONLINE nor OFFLINE");
            };
        }

        @Override
        HttpRequest.Builder sync(DiagnosisCall call, String body) {
            if (call.merchantAccount() == null) {
                throw new IllegalArgumentException("the Cloud device API needs the terminal's merchant account");
            }
            return HttpRequest.newBuilder(URI.create(v1 + "/merchants/" + segment(call.merchantAccount())
                            + "/devices/" + segment(call.poiid()) + "/sync"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
    }
}
