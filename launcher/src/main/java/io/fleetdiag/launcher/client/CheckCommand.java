package io.fleetdiag.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.fleet.ManualCheck;
import io.fleetdiag.topics.Topic;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag check POIID [--host]}: asks for a MANUAL diagnosis now. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Ask for a MANUAL diagnosis of a terminal now.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "POIID", description = "The terminal, [device model]-[serial number] or a Mobile SDK installation id.")
    String poiid;

    @Option(names = "--host", description = "Also test that the Adyen host is reachable (HostDiagnosisFlag true; always for a Mobile SDK installation).")
    boolean host;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        try {
            Topic<String, DiagnosisCheckRequest> topic = client.reachableCatalog().checkRequests();
            DiagnosisCheckRequest request = ManualCheck.request(poiid, knownMerchantAccount(), null, host, Instant.now());
            var config = client.kafka();
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(config, new StringSerializer(),
                    topic.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topic.name(), poiid, request)).get();
            }
            System.out.println("Asked for a MANUAL diagnosis of " + poiid + (request.getHostDiagnosis() ? " with host diagnosis" : "")
                    + " (requestId " + request.getRequestId() + "); see `fleetdiag terminal " + poiid + "`");
            return 0;
        } catch (ConfigurationException e) {
            return Failure.print(e.getMessage());
        } catch (Exception e) {
            return Failure.print("the request was not written: " + e.getMessage());
        }
    }

    /** The Cloud device API needs the terminal's merchant account; the processor knows it if it has seen the terminal. */
    private String knownMerchantAccount() {
        try {
            HttpResponse<String> answer = client.get("/api/terminals/" + poiid);
            JsonNode state = answer.statusCode() == 200 ? Json.MAPPER.readTree(answer.body()) : null;
            return state == null || state.path("merchantAccount").isNull() ? null : state.path("merchantAccount").asText();
        } catch (Exception unknown) {
            return null;
        }
    }
}
