package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Terminal;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /sync} and the Cloud device API's {@code POST .../devices/{id}/sync} for Diagnosis
 * requests. Like a real terminal, each terminal handles one request at a time: a second one that
 * arrives meanwhile is answered Busy at once and counted as a violation. Answers come after the
 * configured latency, from the terminal's condition at that moment.
 */
final class DiagnosisEndpoint {

    static final String KIND = "diagnosis";
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{1,10}");

    private final SimulatedCloud cloud;

    DiagnosisEndpoint(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    /** {@code merchantAccount} and {@code deviceId} are set on the Cloud device API path, null on /sync. */
    void handle(Exchange exchange, String merchantAccount, String deviceId) {
        String body = exchange.body();
        JsonNode root;
        try {
            root = Answers.JSON.readTree(body);
        } catch (IOException e) {
            count("invalidJson");
            exchange.json(200, Answers.eventReject(null, "Invalid JSON in the request", body));
            return;
        }
        JsonNode request = root == null ? null : root.get("SaleToPOIRequest");
        if (request == null || !request.isObject()) {
            count("invalidJson");
            exchange.json(200, Answers.eventReject(null, "The request has no SaleToPOIRequest", body));
            return;
        }
        JsonNode messageHeader = request.path("MessageHeader");
        Answers.Header header = new Answers.Header(
                text(messageHeader, "ServiceID"), text(messageHeader, "SaleID"), text(messageHeader, "POIID"));
        String category = text(messageHeader, "MessageCategory");
        if (!"Diagnosis".equals(category)) {
            count("unsupportedCategory");
            exchange.json(200, Answers.eventReject(header,
                    "The simulator answers Diagnosis requests only, not MessageCategory " + category, body));
            return;
        }
        if (!SERVICE_ID.matcher(String.valueOf(header.serviceId())).matches()) {
            // Adyen's rule is 1-10 alphanumeric characters, yet its own mobile example sends the placeholder
            // YOUR_UNIQUE_REQUEST_ID: accept, and count it so callers can be held to the rule
            cloud.stats().serviceIdOutOfFormat();
        }
        String problem = formatProblem(messageHeader, request);
        if (problem != null) {
            count("messageFormat");
            exchange.json(200, Answers.diagnosisFailure(header, "MessageFormat", problem));
            return;
        }
        if (deviceId != null && !deviceId.equals(header.poiid())) {
            count("badRequest");
            exchange.json(400, Answers.deviceApiError(400, "Bad Request", "deviceId " + deviceId + " is not the POIID " + header.poiid()));
            return;
        }
        Terminal terminal = cloud.fleet().terminal(header.poiid())
                .filter(found -> merchantAccount == null || merchantAccount.equals(found.merchantAccount()))
                .orElse(null);
        Faults faults = cloud.faults();
        Faults.Kind fault = faults.draw("sync", ThreadLocalRandom.current());
        switch (fault) {
            case TOO_MANY_REQUESTS -> {
                count("http429");
                exchange.retryAfter(faults.retryAfterSeconds());
                exchange.json(429, Answers.terminalApiError(429, "429", "Too Many Requests", "throttling"));
                return;
            }
            case SERVER_ERROR -> {
                count("http500");
                exchange.json(500, Answers.terminalApiError(500, "905", "Internal Server Error", "internal"));
                return;
            }
            case GARBAGE -> {
                count("garbage");
                exchange.reply(200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                return;
            }
            default -> {
            }
        }
        if (terminal == null) {
            count("unknownTerminal");
            later(exchange, cloud.latency().drawMs(ThreadLocalRandom.current()),
                    () -> Answers.eventReject(header, Answers.NO_RESPONSE_FROM_POI, body));
            return;
        }
        int handling = terminal.enter();
        cloud.stats().terminalInFlight(handling);
        if (handling > 1) {
            terminal.exit();
            count("violation");
            exchange.json(200, Answers.diagnosisFailure(header, "Busy", "TX_IN_PROGRESS"));
            return;
        }
        if (!terminal.rememberServiceId(header.serviceId())) {
            terminal.exit();
            cloud.stats().duplicateServiceId();
            count("duplicateServiceId");
            exchange.json(200, Answers.diagnosisFailure(header, "MessageFormat", "ServiceID " + header.serviceId()
                    + " was used for this POIID within 48 hours"));
            return;
        }
        boolean hostDiagnosis = request.path("DiagnosisRequest").path("HostDiagnosisFlag").asBoolean(false);
        long delay = fault == Faults.Kind.STALL ? faults.stallMs() : cloud.latency().drawMs(ThreadLocalRandom.current());
        cloud.stats().callStarted();
        cloud.scheduler().schedule(() -> {
            String answer;
            try {
                answer = respond(terminal, header, hostDiagnosis, fault, faults, body);
            } finally {
                // before writing: the caller may send the next request the moment it reads this answer
                terminal.exit();
                cloud.stats().callFinished();
            }
            exchange.json(200, answer);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private String respond(Terminal terminal, Answers.Header header, boolean hostDiagnosis, Faults.Kind fault,
                           Faults faults, String body) {
        long now = cloud.clock().millis();
        Condition condition = terminal.condition(now);
        if (!condition.online() || !condition.responding()) {
            count("unreachable");
            return Answers.eventReject(header, Answers.NO_RESPONSE_FROM_POI, body);
        }
        if (fault == Faults.Kind.ERROR) {
            count("error");
            return Answers.diagnosisFailure(header, faults.errorCondition(), "Simulated failure");
        }
        if (condition.busy()) {
            terminal.answeredBusy();
            count("busy");
            return Answers.diagnosisFailure(header, "Busy", "TX_IN_PROGRESS");
        }
        condition = terminal.reported(now, hostDiagnosis, cloud.iosCaptureWait().toMillis());
        String answer = Answers.diagnosisSuccess(header, terminal, condition, hostDiagnosis, fault);
        switch (fault) {
            case TRUNCATED -> {
                count("truncated");
                return answer.substring(0, answer.length() / 2);
            }
            case UNKNOWN_ENUM -> count("unknownEnum");
            case BAD_BASE64 -> count("badBase64");
            case STALL -> count("stall");
            default -> count("success");
        }
        return answer;
    }

    private void later(Exchange exchange, long delayMs, Supplier<String> answer) {
        cloud.scheduler().schedule(() -> exchange.json(200, answer.get()), delayMs, TimeUnit.MILLISECONDS);
    }

    /** What makes the request break the MessageHeader rules of docs/design.md#the-terminal-api, or null. */
    private static String formatProblem(JsonNode header, JsonNode request) {
        if (!"3.0".equals(text(header, "ProtocolVersion"))) {
            return "ProtocolVersion must be 3.0";
        }
        if (!"Service".equals(text(header, "MessageClass"))) {
            return "MessageClass must be Service";
        }
        if (!"Request".equals(text(header, "MessageType"))) {
            return "MessageType must be Request";
        }
        if (isBlank(text(header, "ServiceID"))) {
            return "ServiceID is required";
        }
        if (isBlank(text(header, "SaleID"))) {
            return "SaleID is required";
        }
        if (isBlank(text(header, "POIID"))) {
            return "POIID is required";
        }
        JsonNode diagnosis = request.get("DiagnosisRequest");
        if (diagnosis == null || !diagnosis.isObject()) {
            return "DiagnosisRequest is required";
        }
        JsonNode flag = diagnosis.get("HostDiagnosisFlag");
        if (flag != null && !flag.isBoolean()) {
            return "HostDiagnosisFlag must be a boolean";
        }
        return null;
    }

    private void count(String outcome) {
        cloud.stats().record(KIND, outcome);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
