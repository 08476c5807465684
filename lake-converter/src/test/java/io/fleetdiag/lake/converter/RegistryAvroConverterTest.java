package io.fleetdiag.lake.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryAvroConverterTest {

    private final Map<Integer, Schema> registry = new HashMap<>();
    private final RegistryAvroConverter converter = new RegistryAvroConverter(id -> {
        Schema schema = registry.get(id);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + id);
        }
        return schema;
    });

    static Stream<Schema> topicSchemas() {
        return Stream.of(ConnectivitySnapshot.class, DiagnosisCheckRequest.class, DiagnosisResult.class,
                TerminalState.class, StoreHealth.class, TerminalAlert.class, DeadLetter.class)
                .map(type -> SpecificData.get().getSchema(type));
    }

    static Stream<Path> releasedSchemas() {
        return AvroSamples.releasedSchemas().stream();
    }

    @ParameterizedTest
    @MethodSource("topicSchemas")
    void everyCurrentTopicSchemaConvertsFieldForField(Schema schema) {
        assertConvertsFieldForField(schema);
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void everyReleasedSchemaVersionConvertsFieldForField(Path file) {
        assertConvertsFieldForField(AvroSamples.parse(file));
    }

    @Test
    void recordWrittenWithAnOlderSchemaKeepsItsOwnColumns() {
        Schema v1 = AvroSamples.parse(AvroSamples.HISTORY.resolve("DiagnosisCheckRequest/v1.avsc"));
        Schema current = SpecificData.get().getSchema(DiagnosisCheckRequest.class);
        registry.put(1, v1);
        registry.put(2, current);

        SchemaAndValue old = converter.toConnectData("t", AvroSamples.wireFormat(1, v1, AvroSamples.fill(v1, "old")));
        SchemaAndValue now = converter.toConnectData("t", AvroSamples.wireFormat(2, current, AvroSamples.fill(current, "new")));

        List<String> oldColumns = old.schema().fields().stream().map(Field::name).toList();
        List<String> newColumns = now.schema().fields().stream().map(Field::name).toList();
        assertThat(newColumns).containsAll(oldColumns).hasSizeGreaterThan(oldColumns.size());
        assertThat(((Struct) old.value()).getString("requestId")).isEqualTo("requestId-value");
    }

    @Test
    void alertValuesHaveTheSinkTypes() {
        TerminalAlert alert = TerminalAlert.newBuilder()
                .setAlertId("alert-1").setStatus(AlertStatus.values()[0]).setType(AlertType.values()[0])
                .setSeverity(Severity.values()[0]).setPoiid("V400m-324688179").setMerchantAccount("M")
                .setStore(null).setSummary("s").setEvidence(Map.of("battery", "4")).setRemediation("r")
                .setRequestId(null).setRaisedAt(Instant.ofEpochMilli(AvroSamples.MILLIS))
                .setResolvedAt(null).setEventTime(Instant.ofEpochMilli(AvroSamples.MILLIS + 1)).build();
        Schema schema = alert.getSchema();
        registry.put(9, schema);

        byte[] bytes = AvroSamples.wireFormat(9, schema, alert);
        SchemaAndValue converted = converter.toConnectData("alerts", bytes);
        Struct row = (Struct) converted.value();

        assertThat(row.getString("type")).isEqualTo(AlertType.values()[0].name());
        assertThat(converted.schema().field("raisedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(row.get("eventTime")).isEqualTo(new Date(AvroSamples.MILLIS + 1));
        assertThat(row.getMap("evidence")).containsExactly(Map.entry("battery", "4"));
        assertThat(row.get("store")).isNull();
        assertThat(converted.schema().field("store").schema().isOptional()).isTrue();
        assertThat(converted.schema().field("alertId").schema().isOptional()).isFalse();
    }

    @Test
    void tombstoneIsNull() {
        assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void recordsThatCannotBeReadSayWhy() {
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {1, 2}))
                .isInstanceOf(DataException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {7, 0, 0, 0, 1, 1}))
                .isInstanceOf(DataException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {0, 0, 0, 0, 42, 1}))
                .isInstanceOf(DataException.class).hasMessageContaining("schema id 42");
        registry.put(3, SpecificData.get().getSchema(StoreHealth.class));
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {0, 0, 0, 0, 3, (byte) 0xff}))
                .isInstanceOf(DataException.class).hasMessageContaining("not valid Avro");
    }

    private void assertConvertsFieldForField(Schema schema) {
        int id = registry.size() + 100;
        registry.put(id, schema);
        GenericRecord record = (GenericRecord) AvroSamples.fill(schema, "x");

        SchemaAndValue converted = converter.toConnectData("topic", AvroSamples.wireFormat(id, schema, record));

        assertSame(schema, converted.schema(), record, converted.value());
    }

    /** Walks Avro and Connect side by side: same field names, values equal after the documented mapping. */
    private static void assertSame(Schema avro, org.apache.kafka.connect.data.Schema connect, Object avroValue, Object value) {
        switch (avro.getType()) {
            case RECORD -> {
                assertThat(connect.fields()).extracting(Field::name)
                        .containsExactlyElementsOf(avro.getFields().stream().map(Schema.Field::name).toList());
                GenericRecord record = (GenericRecord) avroValue;
                for (Schema.Field field : avro.getFields()) {
                    assertSame(field.schema(), connect.field(field.name()).schema(), record.get(field.pos()),
                            ((Struct) value).get(field.name()));
                }
            }
            case UNION -> {
                assertThat(connect.isOptional()).isTrue();
                assertSame(avro.getTypes().get(1), connect, avroValue, value);
            }
            case ENUM, STRING -> assertThat(value).isEqualTo(avroValue.toString());
            case LONG -> assertThat(value).isEqualTo(avro.getLogicalType() != null
                    ? new Date((Long) avroValue) : avroValue);
            case ARRAY -> {
                List<?> items = (List<?>) value;
                assertThat(items).hasSize(1);
                assertSame(avro.getElementType(), connect.valueSchema(), ((List<?>) avroValue).get(0), items.get(0));
            }
            case MAP -> {
                @SuppressWarnings("unchecked") Map<Object, Object> entries = (Map<Object, Object>) value;
                assertThat(entries.keySet()).containsExactly("k");
                assertSame(avro.getValueType(), connect.valueSchema(), ((Map<?, ?>) avroValue).get("k"), entries.get("k"));
            }
            case BYTES -> assertThat(value).isInstanceOf(byte[].class);
            default -> assertThat(value).isEqualTo(avroValue);
        }
    }
}
