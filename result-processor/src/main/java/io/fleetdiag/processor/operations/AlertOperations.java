package io.fleetdiag.processor.operations;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The acknowledgements and silences every instance holds in its global table of the alert-operations
 * topic, and what they do to an alert edge: a matching active silence flags it and stops it paging, an
 * acknowledgement of its episode is copied onto it.
 */
public final class AlertOperations {

    /** The global table's name: the processors and the REST API read it. */
    public static final String TABLE = "alert-operations-table";

    private final Function<String, AlertOperation> byId;
    private final Function<String, List<AlertOperation>> silencesUnder;

    /**
     * @param byId           the operation under an id
     * @param silencesUnder  the silences whose ids start with a prefix (one of {@link Silences#lookupPrefixes}, or
     *                       {@link Silences#ID_PREFIX} for all)
     */
    public AlertOperations(Function<String, AlertOperation> byId, Function<String, List<AlertOperation>> silencesUnder) {
        this.byId = byId;
        this.silencesUnder = silencesUnder;
    }

    /** The table as a processor sees it. */
    public static AlertOperations inProcessor(TimestampedKeyValueStore<String, AlertOperation> table) {
        return new AlertOperations(id -> ValueAndTimestamp.getValueOrNull(table.get(id)), prefix -> {
            List<AlertOperation> all = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<AlertOperation>> entries = table.prefixScan(prefix, new StringSerializer())) {
                entries.forEachRemaining(entry -> all.add(entry.value.value()));
            }
            return all;
        });
    }

    /** The table as interactive queries see it. */
    public static AlertOperations queried(ReadOnlyKeyValueStore<String, AlertOperation> table) {
        return new AlertOperations(table::get, prefix -> {
            List<AlertOperation> all = new ArrayList<>();
            try (KeyValueIterator<String, AlertOperation> entries = table.prefixScan(prefix, new StringSerializer())) {
                entries.forEachRemaining(entry -> all.add(entry.value));
            }
            return all;
        });
    }

    /** The same table with its silences read now and kept, for looking at many alerts in one go. */
    public AlertOperations readingSilencesOnce() {
        List<AlertOperation> read = silences();
        return new AlertOperations(byId, prefix -> read.stream().filter(silence -> silence.getId().startsWith(prefix)).toList());
    }

    public Optional<AlertOperation> silence(String silenceId) {
        return Optional.ofNullable(byId.apply(silenceId)).filter(operation -> operation.getKind() == AlertOperationKind.SILENCE);
    }

    /** Every silence ever set and not yet compacted away, active or not. */
    public List<AlertOperation> silences() {
        return List.copyOf(silencesUnder.apply(Silences.ID_PREFIX));
    }

    public Optional<AlertOperation> acknowledgement(String alertId) {
        return Optional.ofNullable(byId.apply(alertId)).filter(operation -> operation.getKind() == AlertOperationKind.ACKNOWLEDGEMENT);
    }

    /** The active silence matching the alert at that moment; of several, the one that lasts longest. Reads only the silences kept under the alert's own keys. */
    public Optional<AlertOperation> silencing(AlertScope alert, Instant at) {
        return Silences.lookupPrefixes(alert).stream().flatMap(prefix -> silencesUnder.apply(prefix).stream())
                .filter(silence -> Silences.activeAt(silence, at) && Silences.matches(silence, alert))
                .max(Comparator.comparing(AlertOperation::getUntil));
    }

    /**
     * Sets the silence and acknowledgement fields of an alert edge as of its event time. Changes and
     * returns the same record.
     */
    public TerminalAlert flag(TerminalAlert alert, Instant at) {
        Optional<AlertOperation> silence = silencing(Silences.scopeOf(alert), at);
        alert.setSilenced(silence.isPresent());
        alert.setSilenceId(silence.map(AlertOperation::getId).orElse(null));
        alert.setPaging(silence.isEmpty());
        Optional<AlertOperation> ack = acknowledgement(alert.getAlertId());
        alert.setAcknowledgedBy(ack.map(AlertOperation::getBy).orElse(null));
        alert.setAcknowledgedAt(ack.map(AlertOperation::getCreatedAt).orElse(null));
        alert.setAcknowledgementNote(ack.map(AlertOperation::getNote).orElse(null));
        return alert;
    }

    /** The same fields for the JSON of a query, as of now: whether a silence holds now, who acknowledged. */
    public Map<String, Object> status(String alertId, AlertScope alert, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        Optional<AlertOperation> silence = silencing(alert, now);
        status.put("silenced", silence.isPresent());
        status.put("silenceId", silence.map(AlertOperation::getId).orElse(null));
        Optional<AlertOperation> ack = acknowledgement(alertId);
        status.put("acknowledgedBy", ack.map(AlertOperation::getBy).orElse(null));
        status.put("acknowledgedAt", ack.map(operation -> operation.getCreatedAt().toString()).orElse(null));
        status.put("acknowledgementNote", ack.map(AlertOperation::getNote).orElse(null));
        return status;
    }
}
