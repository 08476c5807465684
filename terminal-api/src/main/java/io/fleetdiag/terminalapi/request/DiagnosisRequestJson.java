package io.fleetdiag.terminalapi.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.terminalapi.DiagnosisCall;

/** The Terminal API DiagnosisRequest of docs/design.md#the-terminal-api, with the standard MessageHeader. */
public final class DiagnosisRequestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiagnosisRequestJson() {
    }

    public static String of(DiagnosisCall call) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("SaleToPOIRequest");
        request.putObject("MessageHeader")
                .put("ProtocolVersion", "3.0")
                .put("MessageClass", "Service")
                .put("MessageCategory", "Diagnosis")
                .put("MessageType", "Request")
                .put("ServiceID", call.serviceId())
                .put("SaleID", call.saleId())
                .put("POIID", call.poiid());
        request.putObject("DiagnosisRequest").put("HostDiagnosisFlag", call.hostDiagnosis());
        return root.toString();
    }

    /** The body of {@code POST /connectedTerminals}: merchant account, and optionally a store or one terminal. */
    public static String connectedTerminals(String merchantAccount, String store, String uniqueTerminalId) {
        ObjectNode body = JSON.createObjectNode().put("merchantAccount", merchantAccount);
        if (store != null) {
            body.put("store", store);
        }
        if (uniqueTerminalId != null) {
            body.put("uniqueTerminalId", uniqueTerminalId);
        }
        return body.toString();
    }
}
