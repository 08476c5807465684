package io.fleetdiag.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestClusterExtension.class)
class SchemaRegistryClientIT {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Probe","namespace":"io.fleetdiag.test","fields":[
              {"name":"poiid","type":"string"}]}""");
    private static final Schema V2_COMPATIBLE = new Schema.Parser().parse("""
            {"type":"record","name":"Probe","namespace":"io.fleetdiag.test","fields":[
              {"name":"poiid","type":"string"},
              {"name":"store","type":["null","string"],"default":null}]}""");
    private static final Schema V2_INCOMPATIBLE = new Schema.Parser().parse("""
            {"type":"record","name":"Probe","namespace":"io.fleetdiag.test","fields":[
              {"name":"poiid","type":"string"},
              {"name":"priority","type":"int"}]}""");

    @Test
    void registersLooksUpAndFetchesSchemas(TestCluster cluster) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String subject = cluster.uniqueName("probe") + "-value";

        int id = client.register(subject, V1);

        SchemaRegistryClient fresh = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        assertThat(fresh.register(subject, V1)).isEqualTo(id);
        assertThat(fresh.lookup(subject, V1)).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(V1);
    }

    @Test
    void backwardCompatibilityRefusesAnIncompatibleChange(TestCluster cluster) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String subject = cluster.uniqueName("probe") + "-value";
        client.register(subject, V1);
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        assertThat(client.isCompatible(subject, V2_INCOMPATIBLE)).isFalse();
        assertThat(client.isCompatible(subject, V2_COMPATIBLE)).isTrue();
        assertThatThrownBy(() -> client.register(subject, V2_INCOMPATIBLE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains(subject).contains("409");
                });
        assertThat(client.register(subject, V2_COMPATIBLE)).isNotEqualTo(client.register(subject, V1));
    }

    @Test
    void theFleetdiagSchemasRegisterUnderBackwardCompatibility(TestCluster cluster) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        String subject = cluster.uniqueName("checks") + "-value";
        client.register(subject, DiagnosisCheckRequest.getClassSchema());
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        Schema withRequiredField = new Schema.Parser().parse(DiagnosisCheckRequest.getClassSchema().toString()
                .replaceFirst("\\{\"name\":\"requestId\"", "{\"name\":\"priority\",\"type\":\"int\"},{\"name\":\"requestId\""));

        assertThatThrownBy(() -> client.register(subject, withRequiredField))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    }

    /** Services starting together register the same new schemas at once; each must get a working id. */
    @Test
    void servicesRegisteringOneNewSchemaAtOnceAllGetAnId(TestCluster cluster) throws Exception {
        ExecutorService services = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String subject = cluster.uniqueName("race") + "-value";
                List<Callable<Integer>> starts = new ArrayList<>();
                for (int service = 0; service < 6; service++) {
                    starts.add(() -> {
                        SchemaRegistryClient starting = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
                        int id = starting.register(subject, V1);
                        starting.setCompatibility(subject, CompatibilityLevel.BACKWARD);
                        return id;
                    });
                }
                for (Future<Integer> id : services.invokeAll(starts)) {
                    SchemaRegistryClient reader = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
                    assertThat(reader.schemaById(id.get())).isEqualTo(V1);
                }
                SchemaRegistryClient later = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
                assertThat(later.schemaById(later.register(subject, V1))).isEqualTo(V1);
            }
        } finally {
            services.shutdownNow();
        }
    }

    @Test
    void anUnknownSchemaIdIsAClearPermanentError(TestCluster cluster) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));

        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("/schemas/ids/987654");
                });
    }

    @Test
    void anUnreachableRegistryIsAClearTransientError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.register("any-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("unreachable").contains("127.0.0.1:" + closedPort);
                });
    }
}
