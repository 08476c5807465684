package io.fleetdiag.poller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fleet-inventory source against the real broker and the simulator's Management API over real HTTP. */
@ExtendWith(TestClusterExtension.class)
class FleetInventoryIT {

    private static final String KEY = "AQEinventory-terminal-key";
    private static final String MANAGEMENT_KEY = "AQEinventory-management-key";

    private Testbed bed;

    @BeforeEach
    void start(TestCluster testCluster) throws Exception {
        bed = Testbed.start(testCluster, "inventory", SimulatorConfig.defaults(KEY).withTerminals(400).withMerchants(2)
                .withReferenceTerminals(false).withManagementApiKey(MANAGEMENT_KEY));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private PollerService poller(String managementKey, CompletableFuture<RuntimeException> fatal) throws Exception {
        ServiceConfig config = bed.config(PollerService.defaults(), bed.pollerSettings(), Map.of("inventory.page-size", "37"));
        return bed.keep(PollerService.start(config, TerminalApiClient.create(bed.terminalApi(KEY)),
                Map.of("MANAGEMENT_API_KEY", managementKey), fatal));
    }

    private RecordCollector<String, TerminalInventory> inventory() {
        return bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().inventory().name(), new StringDeserializer(),
                bed.catalog().inventory().valueSerde().deserializer()));
    }

    /** The topic's content as a compacted-topic reader sees it: the last record per key, tombstones removing. */
    private static Map<String, TerminalInventory> table(RecordCollector<String, TerminalInventory> collector) {
        Map<String, TerminalInventory> table = new HashMap<>();
        for (ConsumerRecord<String, TerminalInventory> record : collector.records()) {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        }
        return table;
    }

    @Test
    void theTopicHoldsTheWholeSimulatedFleetIncludingTerminalsThatNeverConnected() throws Exception {
        poller(MANAGEMENT_KEY, new CompletableFuture<>());
        RecordCollector<String, TerminalInventory> collector = inventory();
        Map<String, InventoryEntry> expected = bed.simulator().cloud().inventory().entries().stream()
                .collect(Collectors.toMap(InventoryEntry::id, entry -> entry));

        await().atMost(Duration.ofSeconds(90)).until(() -> table(collector).keySet().equals(expected.keySet()));

        Map<String, TerminalInventory> table = table(collector);
        assertThat(table).hasSize(bed.simulator().fleet().size() + bed.simulator().cloud().inventory().neverConnected().size());
        assertThat(table.values()).allSatisfy(record -> {
            InventoryEntry entry = expected.get(record.getPoiid());
            assertThat(record.getMerchantAccount()).isEqualTo(entry.merchantId());
            assertThat(record.getStore()).isEqualTo(entry.storeId());
            assertThat(record.getModel()).isEqualTo(entry.model());
            assertThat(record.getScope()).isEqualTo(entry.merchantId());
        });
        assertThat(bed.simulator().cloud().inventory().neverConnected()).allSatisfy(entry -> {
            assertThat(table.get(entry.id()).getAssignmentStatus()).isEqualTo("deployed");
            assertThat(table.get(entry.id()).getLastActivityAt()).isNull();
        });
        try (Admin admin = bed.cluster().admin()) {
            String policy = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, bed.catalog().inventory().name())))
                    .all().get().values().iterator().next().get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void aTerminalNoLongerListedGetsATombstoneAfterARestart() throws Exception {
        String merchant = bed.simulator().fleet().terminals().get(0).merchantAccount();
        String gone = "V400m-000000001";
        try (Admin admin = bed.cluster().admin()) {
            TopicAdmin.ensureTopics(admin, List.of(bed.catalog().inventory()), 3, (short) 1);
        }
        try (KafkaProducer<String, TerminalInventory> producer = new KafkaProducer<>(bed.cluster().producerConfig(), new StringSerializer(),
                bed.catalog().inventory().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(bed.catalog().inventory().name(), gone, TerminalInventory.newBuilder().setPoiid(gone)
                    .setMerchantAccount(merchant).setStore("EU-0001").setScope(merchant).setListedAt(Instant.EPOCH).build())).get();
        }
        poller(MANAGEMENT_KEY, new CompletableFuture<>());
        RecordCollector<String, TerminalInventory> collector = inventory();

        await().atMost(Duration.ofSeconds(90)).until(() -> table(collector).size() == bed.simulator().cloud().inventory().entries().size());

        assertThat(table(collector)).doesNotContainKey(gone);
        assertThat(collector.records()).filteredOn(record -> record.key().equals(gone)).last()
                .satisfies(record -> assertThat(record.value()).isNull());
    }

    @Test
    void aKeyWithoutTheManagementRoleStopsTheServiceWithoutPrintingTheKey() throws Exception {
        CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
        poller(KEY, fatal);

        RuntimeException stop = fatal.get(90, TimeUnit.SECONDS);

        assertThat(stop).isInstanceOf(ConfigurationException.class);
        assertThat(stop.getMessage()).contains("Management API").contains("HTTP 403").doesNotContain(KEY);
    }
}
