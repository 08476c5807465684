package io.fleetdiag.terminalapi.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the HTTP answer to a diagnosis request into one {@link DiagnosisAnswer}, following
 * docs/design.md#the-terminal-api: a DiagnosisResponse with Result Success is SUCCESS; Busy, InProgress and NotAllowed
 * (Busy and InProgress also inside any other *Response envelope) mean retry later without interrupting
 * a sale; an answer for another ServiceID is classified by its content, the mismatch kept; UnreachableHost and an
 * EventNotification Reject ("Did not receive a response from the POI") mean the terminal is not
 * reachable; anything that is not the documented JSON is MALFORMED. Never throws.
 */
public final class DiagnosisAnswerReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_RESPONSE_FROM_POI = "did not receive a response from the poi";

    private DiagnosisAnswerReader() {
    }

    public static DiagnosisAnswer read(int httpStatus, String body, Duration retryAfter, String expectedServiceId) {
        CallOutcome byStatus = HttpStatusOutcome.of(httpStatus);
        if (byStatus != CallOutcome.SUCCESS) {
            return DiagnosisAnswer.failure(byStatus, httpStatus, HttpStatusOutcome.describe(httpStatus, body), retryAfter, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return malformed(httpStatus, "body is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return malformed(httpStatus, "body is not a JSON object");
        }
        if (root.has("SaleToPOIRequest")) {
            return event(httpStatus, root.get("SaleToPOIRequest"));
        }
        JsonNode response = root.get("SaleToPOIResponse");
        if (response == null || !response.isObject()) {
            return malformed(httpStatus, "neither SaleToPOIResponse nor SaleToPOIRequest in the answer");
        }
        // Adyen's own examples answer with another ServiceID than the request's: the content decides, the
        // mismatch is kept on the answer.
        String answeredServiceId = text(response.path("MessageHeader").get("ServiceID"));
        String mismatch = expectedServiceId != null && answeredServiceId != null && !expectedServiceId.equals(answeredServiceId)
                ? answeredServiceId : null;
        JsonNode diagnosis = response.get("DiagnosisResponse");
        if (diagnosis == null || !diagnosis.isObject()) {
            return otherResponse(httpStatus, response, retryAfter, mismatch);
        }
        JsonNode outcome = diagnosis.get("Response");
        if (outcome == null || !outcome.isObject()) {
            return malformed(httpStatus, "DiagnosisResponse without Response");
        }
        String result = text(outcome.get("Result"));
        String errorCondition = text(outcome.get("ErrorCondition"));
        String additionalRaw = text(outcome.get("AdditionalResponse"));
        AdditionalResponse additional = additionalRaw == null ? null : AdditionalResponseParser.parse(additionalRaw);
        PoiStatus poiStatus = poiStatus(diagnosis.get("POIStatus"));
        List<HostStatus> hosts = hostStatuses(diagnosis.get("HostStatus"));

        CallOutcome classified;
        String message;
        if (result == null) {
            classified = CallOutcome.MALFORMED;
            message = "Response without Result";
        } else if (result.equalsIgnoreCase("Success") || result.equalsIgnoreCase("Partial")) {
            classified = CallOutcome.SUCCESS;
            message = null;
        } else if (result.equalsIgnoreCase("Failure")) {
            classified = failure(errorCondition);
            message = (errorCondition == null ? "Failure without ErrorCondition" : errorCondition)
                    + detail(additional == null ? null : additional.getOtherEntries().get("message"));
        } else {
            classified = CallOutcome.MALFORMED;
            message = "unknown Result '" + result + "'";
        }
        return DiagnosisAnswer.builder(classified).httpStatus(httpStatus).result(result).errorCondition(errorCondition).message(message)
                .retryAfter(retryAfter).poiStatus(poiStatus).hostStatuses(hosts).additionalResponse(additionalRaw, additional)
                .answeredServiceId(mismatch).build();
    }

    /**
     * A SaleToPOIResponse whose body is another *Response than DiagnosisResponse. A terminal busy with a sale
     * may answer with the envelope of what it is doing; a Busy or InProgress failure in it still means "later".
     */
    private static DiagnosisAnswer otherResponse(int httpStatus, JsonNode response, Duration retryAfter, String mismatch) {
        var names = response.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode outcome = response.get(name).path("Response");
            if (!name.endsWith("Response") || !outcome.isObject()) {
                continue;
            }
            String result = text(outcome.get("Result"));
            String errorCondition = text(outcome.get("ErrorCondition"));
            if ("Failure".equalsIgnoreCase(result) && ("Busy".equals(errorCondition) || "InProgress".equals(errorCondition))) {
                String additionalRaw = text(outcome.get("AdditionalResponse"));
                Map<String, String> pairs = AdditionalResponseParser.pairs(additionalRaw, new ArrayList<>());
                return DiagnosisAnswer.builder(CallOutcome.RETRY_LATER).httpStatus(httpStatus).result(result)
                        .errorCondition(errorCondition).message(errorCondition + " in " + name + detail(pairs.get("message")))
                        .retryAfter(retryAfter).additionalResponse(additionalRaw, null).answeredServiceId(mismatch).build();
            }
            return malformed(httpStatus, "SaleToPOIResponse with " + name + " instead of DiagnosisResponse");
        }
        return malformed(httpStatus, "SaleToPOIResponse without DiagnosisResponse");
    }

    private static CallOutcome failure(String errorCondition) {
        if (errorCondition == null) {
            return CallOutcome.REJECTED;
        }
        return switch (errorCondition) {
            case "Busy", "InProgress", "NotAllowed" -> CallOutcome.RETRY_LATER;
            case "UnreachableHost" -> CallOutcome.TERMINAL_UNREACHABLE;
            default -> CallOutcome.REJECTED;
        };
    }

    /** Adyen answers some calls with an event instead of a response, e.g. when the terminal is not reachable. */
    private static DiagnosisAnswer event(int httpStatus, JsonNode request) {
        JsonNode event = request == null ? null : request.get("EventNotification");
        if (event == null || !event.isObject()) {
            return malformed(httpStatus, "SaleToPOIRequest without EventNotification");
        }
        String eventToNotify = text(event.get("EventToNotify"));
        String details = text(event.get("EventDetails"));
        Map<String, String> pairs = AdditionalResponseParser.pairs(details, new ArrayList<>());
        String detailMessage = pairs.getOrDefault("message", details);
        CallOutcome outcome;
        if ("Reject".equalsIgnoreCase(eventToNotify)) {
            outcome = detailMessage != null && detailMessage.toLowerCase(Locale.ROOT).contains(NO_RESPONSE_FROM_POI)
                    ? CallOutcome.TERMINAL_UNREACHABLE
                    : CallOutcome.REJECTED;
        } else {
            outcome = CallOutcome.REJECTED;
        }
        String message = "EventNotification " + eventToNotify + detail(detailMessage);
        return DiagnosisAnswer.builder(outcome).httpStatus(httpStatus).message(message).eventToNotify(eventToNotify).build();
    }

    private static PoiStatus poiStatus(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String global = text(node.get("GlobalStatus"));
        String printer = text(node.get("PrinterStatus"));
        JsonNode communication = node.get("CommunicationOKFlag");
        return PoiStatus.newBuilder()
                .setGlobalStatus(globalStatus(global))
                .setGlobalStatusValue(global)
                .setCommunicationOk(communication == null || communication.isNull() ? null : flag(communication))
                .setPrinterStatus(printer == null ? null : printerStatus(printer))
                .setPrinterStatusValue(printer)
                .build();
    }

    private static List<HostStatus> hostStatuses(JsonNode node) {
        List<HostStatus> hosts = new ArrayList<>();
        if (node == null || node.isNull()) {
            return hosts;
        }
        for (JsonNode host : node.isArray() ? node : JSON.createArrayNode().add(node)) {
            JsonNode reachable = host.get("IsReachableFlag");
            hosts.add(HostStatus.newBuilder()
                    .setAcquirerId(text(host.get("AcquirerID")))
                    .setReachable(reachable == null || reachable.isNull() ? null : flag(reachable))
                    .build());
        }
        return hosts;
    }

    static GlobalStatus globalStatus(String value) {
        if (value == null) {
            return GlobalStatus.UNKNOWN;
        }
        return switch (value) {
            case "OK" -> GlobalStatus.OK;
            case "Busy" -> GlobalStatus.BUSY;
            case "Maintenance" -> GlobalStatus.MAINTENANCE;
            case "Unreachable" -> GlobalStatus.UNREACHABLE;
            default -> GlobalStatus.UNKNOWN;
        };
    }

    static PrinterStatus printerStatus(String value) {
        return switch (value) {
            case "OK" -> PrinterStatus.OK;
            case "PaperLow" -> PrinterStatus.PAPER_LOW;
            case "NoPaper" -> PrinterStatus.NO_PAPER;
            case "PaperJam" -> PrinterStatus.PAPER_JAM;
            case "OutOfOrder" -> PrinterStatus.OUT_OF_ORDER;
            default -> PrinterStatus.UNKNOWN;
        };
    }

    private static Boolean flag(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText();
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    private static DiagnosisAnswer malformed(int httpStatus, String message) {
        return DiagnosisAnswer.failure(CallOutcome.MALFORMED, httpStatus, message, null, null);
    }

    private static String detail(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
