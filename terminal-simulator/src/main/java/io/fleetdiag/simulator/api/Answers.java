package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Model;
import io.fleetdiag.simulator.fleet.Terminal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The JSON Adyen answers with, shaped after Adyen's examples (docs/design.md#the-terminal-api). */
final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_RESPONSE_FROM_POI = "Did not receive a response from the POI.";
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** MessageHeader fields of the request, echoed in the answer. */
    record Header(String serviceId, String saleId, String poiid) {
    }

    private Answers() {
    }

    static String diagnosisSuccess(Header header, Terminal terminal, Condition condition, boolean hostDiagnosis, Faults.Kind fault) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode response = root.putObject("SaleToPOIResponse");
        ObjectNode diagnosis = response.putObject("DiagnosisResponse");
        ObjectNode poiStatus = diagnosis.putObject("POIStatus");
        boolean oddEnums = fault == Faults.Kind.UNKNOWN_ENUM;
        poiStatus.put("CommunicationOKFlag", condition.communicationOk());
        if (condition.printerStatus() != null) {
            poiStatus.put("PrinterStatus", oddEnums ? "Smudged" : condition.printerStatus());
        }
        poiStatus.put("GlobalStatus", oddEnums ? "Degraded" : condition.globalStatus());
        diagnosis.putObject("Response")
                .put("Result", "Success")
                .put("AdditionalResponse", additionalResponse(terminal, condition, fault));
        if (hostDiagnosis) {
            ArrayNode hosts = diagnosis.putArray("HostStatus");
            hosts.addObject().put("AcquirerID", "0").put("IsReachableFlag", condition.hostReachable());
        }
        response.set("MessageHeader", responseHeader(header));
        return root.toString();
    }

    static String diagnosisFailure(Header header, String errorCondition, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode response = root.putObject("SaleToPOIResponse");
        ObjectNode outcome = response.putObject("DiagnosisResponse").putObject("Response")
                .put("Result", "Failure")
                .put("ErrorCondition", errorCondition);
        if (message != null) {
            outcome.put("AdditionalResponse", "message=" + encode(message));
        }
        response.set("MessageHeader", responseHeader(header));
        return root.toString();
    }

    /** Adyen's answer when it cannot deliver a request: an EventNotification Reject carrying the request. */
    static String eventReject(Header header, String message, String rejectedBody) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("SaleToPOIRequest");
        request.putObject("EventNotification")
                .put("EventToNotify", "Reject")
                .put("EventDetails", "message=" + encode(message))
                .put("RejectedMessage", Base64.getEncoder().encodeToString(rejectedBody.getBytes(StandardCharsets.UTF_8)))
                .put("TimeStamp", UTC_MILLIS.format(Instant.now()));
        ObjectNode messageHeader = request.putObject("MessageHeader")
                .put("ProtocolVersion", "3.0")
                .put("MessageClass", "Event")
                .put("MessageCategory", "Event")
                .put("MessageType", "Notification");
        if (header != null) {
            messageHeader.put("ServiceID", header.serviceId()).put("SaleID", header.saleId()).put("POIID", header.poiid());
        }
        return root.toString();
    }

    static String connected(String field, Iterable<String> ids) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray(field);
        ids.forEach(array::add);
        return root.toString();
    }

    static String terminalApiError(int status, String errorCode, String message, String errorType) {
        return JSON.createObjectNode().put("status", status).put("errorCode", errorCode).put("message", message)
                .put("errorType", errorType).toString();
    }

    static String deviceApiError(int status, String title, String detail) {
        ObjectNode error = JSON.createObjectNode()
                .put("type", "https://docs.adyen.com/errors/" + title.toLowerCase().replace(' ', '-'))
                .put("title", title)
                .put("status", status)
                .put("errorCode", "00_" + status);
        if (detail != null) {
            error.put("detail", detail);
        }
        return error.toString();
    }

    private static ObjectNode responseHeader(Header header) {
        return JSON.createObjectNode()
                .put("ProtocolVersion", "3.0")
                .put("MessageClass", "Service")
                .put("MessageCategory", "Diagnosis")
                .put("MessageType", "Response")
                .put("ServiceID", header.serviceId())
                .put("SaleID", header.saleId())
                .put("POIID", header.poiid());
    }

    private static String additionalResponse(Terminal terminal, Condition condition, Faults.Kind fault) {
        boolean badBase64 = fault == Faults.Kind.BAD_BASE64;
        boolean oddEnums = fault == Faults.Kind.UNKNOWN_ENUM;
        Map<String, String> pairs = new LinkedHashMap<>();
        Model model = terminal.model();
        if (model.mobile()) {
            Condition.StoreAndForward saf = condition.storeAndForward();
            ObjectNode safJson = JSON.createObjectNode().put("active", saf.active()).put("available", saf.available());
            if (saf.expiresAt() != null) {
                safJson.put("expiresAt", UTC_MILLIS.format(saf.expiresAt()));
            }
            if (saf.forwardAttemptStatus() != null) {
                safJson.put("forwardAttemptStatus", saf.forwardAttemptStatus());
            }
            pairs.put("storeAndForwardStatus", badBase64 ? "not*base64!" : base64Url(safJson));
            pairs.put("sdkExpiry", UTC_MILLIS.format(condition.sdkExpiry()));
            Condition.Attestation attestation = condition.attestation();
            ObjectNode attestationJson = JSON.createObjectNode().put("status", oddEnums ? "Quarantined" : attestation.status());
            if (!attestation.resolvableIssues().isEmpty()) {
                attestationJson.put("selfResolvableIssues", true);
                ArrayNode issues = attestationJson.putArray("resolvableIssues");
                attestation.resolvableIssues().forEach(issue -> issues.addObject().put("name", issue.name()).put("message", issue.message()));
            }
            pairs.put("attestationStatus", badBase64 ? "%%%" : base64Url(attestationJson));
            if (condition.asyncCaptureStatus() != null) {
                pairs.put("asyncCaptureStatus", condition.asyncCaptureStatus());
            }
            pairs.put("terminalId", terminal.poiid());
            pairs.put("unconfirmedBatchCount", Integer.toString(condition.unconfirmedBatchCount()));
        } else {
            if (model.p2pe()) {
                pairs.put("p2peOpenProtocolVersion", "2.0.0");
            }
            if (condition.batteryLevel() != null) {
                pairs.put("batteryLevel", condition.batteryLevel() + "%");
            }
            pairs.put("firmwareVersion", condition.firmwareVersion());
            pairs.put("networkProfile", badBase64 ? "not*base64!" : terminal.networkProfile());
            if (model.p2pe()) {
                pairs.put("p2peSREDVersion", "11.0.2.110");
            }
            pairs.put("merchantAccount", terminal.merchantAccount());
            if (model.p2pe()) {
                pairs.put("p2peVaultVersion", "10.0.4.13405");
            }
            pairs.put("unconfirmedBatchCount", Integer.toString(condition.unconfirmedBatchCount()));
            if (model.p2pe()) {
                pairs.put("p2peAppManagerVersion", "14.0.13.13414");
                pairs.put("p2peFirmwareVersion", "1.1.1");
            }
            if (Boolean.TRUE.equals(condition.tampered())) {
                pairs.put("tamperStatus", "ARS_TRIGGERED");
            }
            pairs.put("terminalId", terminal.poiid());
            pairs.put("storeId", terminal.store());
        }
        StringJoiner joined = new StringJoiner("&");
        pairs.forEach((key, value) -> joined.add(key + "=" + encode(value)));
        return joined.toString();
    }

    private static String base64Url(ObjectNode json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
