package io.fleetdiag.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestClusterExtension.class)
class AvroSerdeIT {

    private static final Instant REQUESTED_AT = Instant.parse("2026-11-23T10:15:30.123Z");

    private static DiagnosisCheckRequest request() {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId("r-1")
                .setPoiid("V400m-346403161")
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setReason(CheckReason.HOST_FOLLOWUP)
                .setHostDiagnosis(true)
                .setRequestedAt(REQUESTED_AT)
                .build();
    }

    @Test
    void roundTripsInTheConfluentWireFormat(TestCluster cluster) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String topic = cluster.uniqueName("checks");
        var serde = AvroSerde.forValues(registry, DiagnosisCheckRequest.class, true);

        byte[] bytes = serde.serializer().serialize(topic, request());

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                .isEqualTo(registry.lookup(topic + "-value", DiagnosisCheckRequest.getClassSchema()));
        assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(request());
    }

    @Test
    void aRecordThatFailsHalfWrittenLeavesNothingInTheNextOne(TestCluster cluster) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String topic = cluster.uniqueName("checks");
        var serde = AvroSerde.forValues(registry, DiagnosisCheckRequest.class, true);
        byte[] expected = serde.serializer().serialize(topic, request());
        DiagnosisCheckRequest broken = request();
        broken.setPoiid(null);

        assertThatThrownBy(() -> serde.serializer().serialize(topic, broken)).isInstanceOf(SerializationException.class);

        assertThat(serde.serializer().serialize(topic, request())).isEqualTo(expected);
    }

    @Test
    void readsRecordsWrittenWithAnOlderSchemaUsingTheDefaults(TestCluster cluster) throws Exception {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String topic = cluster.uniqueName("checks");
        Schema older = new Schema.Parser().parse("""
                {"type":"record","name":"DiagnosisCheckRequest","namespace":"io.fleetdiag.schemas","fields":[
                  {"name":"requestId","type":"string"},
                  {"name":"poiid","type":"string"},
                  {"name":"reason","type":{"type":"enum","name":"CheckReason","symbols":["SCHEDULED","MANUAL"]}},
                  {"name":"requestedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        int olderId = registry.register(topic + "-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("requestId", "r-old");
        old.put("poiid", "P400Plus-275426191");
        old.put("reason", new GenericData.EnumSymbol(older.getField("reason").schema(), "MANUAL"));
        old.put("requestedAt", 1_700_000_000_000L);

        DiagnosisCheckRequest read = new AvroDeserializer<>(registry, DiagnosisCheckRequest.class)
                .deserialize(topic, confluentBytes(olderId, older, old));

        assertThat(read.getPoiid()).isEqualTo("P400Plus-275426191");
        assertThat(read.getReason()).isEqualTo(CheckReason.MANUAL);
        assertThat(read.getHostDiagnosis()).isFalse();
        assertThat(read.getAttempt()).isZero();
        assertThat(read.getStore()).isNull();
        assertThat(read.getRequestedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void anUnknownEnumSymbolFromANewerWriterDecodesAsUnknown(TestCluster cluster) throws Exception {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String topic = cluster.uniqueName("checks");
        Schema newer = new Schema.Parser().parse(DiagnosisCheckRequest.getClassSchema().toString()
                .replace("\"HOST_FOLLOWUP\",", "\"HOST_FOLLOWUP\",\"FIRMWARE_ROLLOUT\","));
        int newerId = registry.register(cluster.uniqueName("newer") + "-value", newer);
        // the builder fills every field the test does not set with its default
        GenericRecord record = new GenericRecordBuilder(newer)
                .set("requestId", "r-new")
                .set("poiid", "UX410-1")
                .set("reason", new GenericData.EnumSymbol(newer.getField("reason").schema(), "FIRMWARE_ROLLOUT"))
                .set("requestedAt", 1L)
                .build();

        DiagnosisCheckRequest read = new AvroDeserializer<>(registry, DiagnosisCheckRequest.class)
                .deserialize(topic, confluentBytes(newerId, newer, record));

        assertThat(read.getReason()).isEqualTo(CheckReason.UNKNOWN);
    }

    @Test
    void bytesNotInTheWireFormatAreAClearError(TestCluster cluster) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        var deserializer = new AvroDeserializer<>(registry, DiagnosisCheckRequest.class);

        assertThatThrownBy(() -> deserializer.deserialize("checks", "{\"poiid\":1}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte 0x7b");
        assertThatThrownBy(() -> deserializer.deserialize("checks", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    @Test
    void anUnknownSchemaIdIsAClearError(TestCluster cluster) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        byte[] bytes = ByteBuffer.allocate(7).put((byte) 0).putInt(876_543).put((byte) 2).put((byte) 3).array();

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, DiagnosisCheckRequest.class).deserialize("checks", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 876543")
                .hasMessageContaining("404");
    }

    @Test
    void truncatedAvroIsAClearError(TestCluster cluster) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String topic = cluster.uniqueName("checks");
        byte[] whole = AvroSerde.forValues(registry, DiagnosisCheckRequest.class, true).serializer().serialize(topic, request());
        byte[] truncated = java.util.Arrays.copyOf(whole, 12);

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, DiagnosisCheckRequest.class).deserialize(topic, truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not valid Avro");
    }

    @Test
    void anUnreachableRegistryIsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var serializer = new AvroSerializer<DiagnosisCheckRequest>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort,
                SerdeConfig.MAX_ATTEMPTS, "2"), false);

        assertThatThrownBy(() -> serializer.serialize("checks", request()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("checks-value");
    }

    @Test
    void configuredByClassNameItReadsIntoTheClassTheWriterSchemaNames(TestCluster cluster) {
        Map<String, String> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, cluster.schemaRegistryUrl());
        String topic = cluster.uniqueName("checks");
        var serializer = new AvroSerializer<DiagnosisCheckRequest>();
        serializer.configure(config, false);
        var deserializer = new AvroDeserializer<DiagnosisCheckRequest>();
        deserializer.configure(config, false);

        assertThat(deserializer.deserialize(topic, serializer.serialize(topic, request()))).isEqualTo(request());
    }

    private static byte[] confluentBytes(int schemaId, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
