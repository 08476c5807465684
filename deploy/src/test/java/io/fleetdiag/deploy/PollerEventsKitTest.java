package io.fleetdiag.deploy;

import static io.fleetdiag.deploy.RenderedKit.containerPort;
import static io.fleetdiag.deploy.RenderedKit.labelsMatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The poller's events listener (the terminals' event notifications, Adyen's Management webhooks) as every overlay
 * renders it: on, reachable from outside the cluster on its own port and no other, its secrets as files.
 */
class PollerEventsKitTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thePollersEventsListenerIsOnReachableFromOutsideOnItsPortOnlyWithItsSecretsAsFiles(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);
        JsonNode poller = kit.get("Deployment", "fleetdiag-poller");
        Workload model = Workload.all().stream().filter(workload -> workload.name().equals("poller")).findFirst().orElseThrow();
        // the settings as the poller reads them: the rendered ConfigMap over the settings model's defaults
        Map<String, String> settings = new HashMap<>();
        SettingsDefinition.defaults(model.definitions()).forEach((key, value) -> settings.put(ServiceConfig.environmentName(key), value));
        settings.putAll(kit.settingsOf(poller));

        // on: the password from a file, on the pod's address, on the port the container names "events"
        assertThat(settings.get("FLEETDIAG_EVENTS_PASSWORD_FILE")).isEqualTo(Workload.EVENTS_PASSWORD_FILE);
        assertThat(settings.get("FLEETDIAG_WEBHOOKS_HMAC_KEY_FILE")).isEqualTo(Workload.WEBHOOKS_HMAC_KEY_FILE);
        assertThat(settings.get("FLEETDIAG_EVENTS_HOST")).isEqualTo("0.0.0.0");
        assertThat(settings.get("FLEETDIAG_INVENTORY_ENDPOINT")).as("the webhooks update the inventory, which must be on").isNotEmpty();
        assertThat(containerPort(poller, "events")).hasValue(Integer.parseInt(settings.get("FLEETDIAG_EVENTS_PORT")));
        assertThat(kit.get("Service", "fleetdiag-poller-events").path("spec").path("ports").path(0).path("targetPort").asText()).isEqualTo("events");

        // admitted from outside the namespace on that port only, and by one policy; no rule admits every port
        kit.ofKind("NetworkPolicy").forEach(policy -> policy.path("spec").path("ingress").forEach(rule ->
                assertThat(rule.path("ports").isEmpty()).as(overlay + " " + RenderedKit.name(policy) + " admits named ports only").isFalse()));
        List<JsonNode> admitting = kit.ofKind("NetworkPolicy").stream().filter(policy -> StreamSupport.stream(policy.path("spec").path("ingress")
                .spliterator(), false).anyMatch(rule -> rule.path("ports").toString().contains("\"events\""))).toList();
        assertThat(admitting).singleElement().satisfies(policy -> {
            assertThat(labelsMatch(policy.path("spec").path("podSelector").path("matchLabels"),
                    poller.path("spec").path("template").path("metadata").path("labels"))).isTrue();
            JsonNode rules = policy.path("spec").path("ingress");
            assertThat(rules).allSatisfy(rule -> {
                assertThat(rule.path("ports")).allSatisfy(port -> assertThat(port.path("port").asText()).isEqualTo("events"));
                assertThat(rule.path("from")).allSatisfy(peer -> assertThat(peer.has("ipBlock") || peer.has("namespaceSelector"))
                        .as("a peer outside the namespace: " + peer).isTrue());
            });
        });
    }
}
