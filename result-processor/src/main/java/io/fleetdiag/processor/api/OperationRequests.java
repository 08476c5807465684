package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and checks the JSON bodies of acknowledgements and silences; each check names what is wrong. */
final class OperationRequests {

    private static final Logger LOG = LoggerFactory.getLogger(OperationRequests.class);

    /** A silence is for maintenance or a known outage, not a way to switch alerts off for good. */
    static final Duration LONGEST_SILENCE = Duration.ofDays(90);
    static final int LONGEST_NOTE = 2_000;

    private OperationRequests() {
    }

    static Optional<String> scopeProblem(JsonNode body) {
        String poiid = text(body, "poiid");
        String merchantAccount = text(body, "merchantAccount");
        String store = text(body, "store");
        String type = text(body, "type");
        if (poiid == null && merchantAccount == null && type == null) {
            return Optional.of("Say what to silence: a terminal (poiid), a store (merchantAccount and store) or merchant account, an alert type (type), or a store or terminal and a type");
        }
        if (poiid != null && (merchantAccount != null || store != null)) {
            return Optional.of("A terminal silence needs no merchantAccount or store: a terminal belongs to one store");
        }
        if (store != null && merchantAccount == null) {
            return Optional.of("A store is named by its merchantAccount and store");
        }
        if (type != null && Arrays.stream(AlertType.values()).noneMatch(known -> known != AlertType.UNKNOWN && known.name().equals(type))) {
            return Optional.of("No alert type " + type + "; the types are " + Arrays.stream(AlertType.values())
                    .filter(known -> known != AlertType.UNKNOWN).map(Enum::name).toList());
        }
        return Optional.empty();
    }

    static Optional<String> untilProblem(JsonNode body, Instant now) {
        String until = text(body, "until");
        if (until == null) {
            return Optional.of("Say when the silence ends: until, an ISO-8601 instant such as 2026-12-01T18:00:00Z");
        }
        try {
            Instant end = Instant.parse(until);
            if (!end.isAfter(now)) {
                return Optional.of("until " + until + " is not in the future");
            }
            if (end.isAfter(now.plus(LONGEST_SILENCE))) {
                return Optional.of("A silence lasts at most " + LONGEST_SILENCE.toDays() + " days");
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("until must be an ISO-8601 instant such as 2026-12-01T18:00:00Z, not " + until);
        }
    }

    static Optional<String> note(JsonNode body, String field) {
        String value = text(body, field);
        return value != null && value.length() > LONGEST_NOTE ? Optional.of(field + " is longer than " + LONGEST_NOTE + " characters") : Optional.empty();
    }

    /** The body as a JSON object; else a bad request showing {@code example}. */
    static JsonNode body(HttpCall call, String example) throws QueryException.BadRequest {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(call.body() == null || call.body().isBlank() ? "{}" : call.body());
        } catch (IOException e) {
            body = null;
        }
        if (!(body instanceof ObjectNode)) {
            throw new QueryException.BadRequest("The body must be a JSON object, e.g. " + example);
        }
        return body;
    }

    /** Returns once the broker has {@code record}, so that every instance will see it; the cause goes to the log, not the caller. */
    static <K, V> void written(Producer<K, V> producer, ProducerRecord<K, V> record, String where) throws QueryException.Unavailable {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Not written to {}", where, e);
            throw new QueryException.Unavailable("Not written to " + where + "; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException.Unavailable("Interrupted before " + where + " had the request; try again");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

}
