package io.fleetdiag.deploy;

import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What each fleetdiag Kafka user may do, from the topic catalogue and each service's group and
 * transactional-id settings: the least that lets it run. Read and Write imply Describe. The processor
 * owns everything prefixed with its {@code application.id} (its changelogs and repartition topics, its
 * group, its exactly-once transactional ids); the lake's Connect user only reads fleetdiag's topics.
 */
public final class KafkaAccess {

    /**
     * The topics the lake's Iceberg sinks read, as the lake module's {@code LakeTable} declares them (that module
     * is not a dependency here: it brings Iceberg and Hadoop).
     */
    static final List<Function<TopicNames, String>> LAKE_TOPICS = List.of(TopicNames::results, TopicNames::alerts,
            TopicNames::terminalState, TopicNames::storeHealth, TopicNames::snapshots);
    /** Connect's own topics, group and the Iceberg sink's control topic and transactions take this prefix (docs/deploy.md). */
    static final String LAKE_PREFIX = "fleetdiag-lake";

    private KafkaAccess() {
    }

    /** The users in the order the kit lists them, each with its ACLs. */
    public static Map<String, List<KafkaAcl>> users(TopicCatalog catalog, TopicNames names) {
        Map<String, List<KafkaAcl>> users = new LinkedHashMap<>();
        Map<String, Workload> workloads = new LinkedHashMap<>();
        Workload.all().forEach(workload -> workloads.put(workload.name(), workload));
        users.put(workloads.get("processor").kafkaUser(), processor(catalog, workloads.get("processor")));
        users.put(workloads.get("poller").kafkaUser(), poller(catalog, workloads.get("poller")));
        users.put(workloads.get("dispatcher").kafkaUser(), dispatcher(catalog, workloads.get("dispatcher")));
        users.put(workloads.get("notifier").kafkaUser(), notifier(catalog, workloads.get("notifier")));
        users.put("fleetdiag-lake", lake(names));
        return users;
    }

    private static List<KafkaAcl> processor(TopicCatalog catalog, Workload processor) {
        String applicationId = setting(processor, "processor.application-id");
        List<KafkaAcl> acls = new ArrayList<>();
        reads(acls, catalog.results(), catalog.snapshots(), catalog.inventory(), catalog.terminalEvents());
        // terminal-actions: the reboot routes write it, the reboot table (terminal-reboots-table) is built from it
        readsAndWrites(acls, catalog.terminalState(), catalog.storeHealth(), catalog.alerts(), catalog.alertOperations(), catalog.terminalActions());
        writes(acls, catalog.checkRequests(), catalog.deadLetters());
        // Streams creates, reads, writes, purges and configures its internal topics, all named <application.id>-...
        acls.add(new KafkaAcl("topic", applicationId, true, List.of("All")));
        acls.add(new KafkaAcl("group", applicationId, true, List.of("Read", "Describe")));
        // exactly_once_v2: one transactional id per stream thread, <application.id>-<process id>-<thread>
        acls.add(KafkaAcl.transactionalId(applicationId).asPrefix());
        return acls;
    }

    private static List<KafkaAcl> poller(TopicCatalog catalog, Workload poller) {
        List<KafkaAcl> acls = new ArrayList<>();
        // terminal events and Management webhooks it could not read are dead-lettered
        writes(acls, catalog.snapshots(), catalog.checkRequests(), catalog.alerts(), catalog.terminalEvents(), catalog.deadLetters());
        readsAndWrites(acls, catalog.inventory(), catalog.pollerState());
        reads(acls, catalog.pollerLease());
        // the lease topic's name is its group; the inventory source reads with its own
        acls.add(KafkaAcl.group(catalog.pollerLease().name(), "Read"));
        acls.add(KafkaAcl.group("fleetdiag-inventory", "Read"));
        // the dispatch backlog is the dispatchers' group lag on check requests
        acls.add(KafkaAcl.group(setting(poller, "poller.dispatcher-group"), "Describe"));
        acls.add(KafkaAcl.transactionalId(setting(poller, "poller.transactional-id")));
        return acls;
    }

    private static List<KafkaAcl> dispatcher(TopicCatalog catalog, Workload dispatcher) {
        List<KafkaAcl> acls = new ArrayList<>();
        reads(acls, catalog.checkRequests());
        readsAndWrites(acls, catalog.checkRetries());
        writes(acls, catalog.results(), catalog.deadLetters());
        acls.add(KafkaAcl.group(setting(dispatcher, "dispatcher.group-id"), "Read"));
        return acls;
    }

    private static List<KafkaAcl> notifier(TopicCatalog catalog, Workload notifier) {
        List<KafkaAcl> acls = new ArrayList<>();
        reads(acls, catalog.alerts(), catalog.alertOperations());
        writes(acls, catalog.deadLetters());
        acls.add(KafkaAcl.group(setting(notifier, "notifier.group-id"), "Read"));
        return acls;
    }

    private static List<KafkaAcl> lake(TopicNames names) {
        List<KafkaAcl> acls = new ArrayList<>();
        LAKE_TOPICS.forEach(topic -> acls.add(KafkaAcl.topic(topic.apply(names), "Describe", "Read")));
        // a sink connector's consumer group is connect-<connector name>
        acls.add(new KafkaAcl("group", "connect-", true, List.of("Read", "Describe")));
        acls.add(new KafkaAcl("topic", LAKE_PREFIX, true, List.of("All")));
        acls.add(new KafkaAcl("group", LAKE_PREFIX, true, List.of("Read", "Describe")));
        acls.add(KafkaAcl.transactionalId(LAKE_PREFIX).asPrefix());
        return acls;
    }

    private static void reads(List<KafkaAcl> acls, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            acls.add(KafkaAcl.topic(topic.name(), "Describe", "Read"));
        }
    }

    private static void writes(List<KafkaAcl> acls, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            acls.add(KafkaAcl.topic(topic.name(), "Describe", "Write"));
        }
    }

    private static void readsAndWrites(List<KafkaAcl> acls, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            acls.add(KafkaAcl.topic(topic.name(), "Describe", "Read", "Write"));
        }
    }

    private static String setting(Workload workload, String key) {
        return SettingsDefinition.defaults(workload.definitions()).get(key);
    }
}
