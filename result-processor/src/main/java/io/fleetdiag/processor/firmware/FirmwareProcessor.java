package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.ProcessorWithTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The firmware counts of each group (a model in a merchant account), keyed by the group: each member change moves one
 * count, so the most common version is known without looking at the other terminals. The changed terminal gets a
 * {@link FirmwareVerdict}; when the most common version moves, every member of the group gets one (FIRMWARE_BEHIND may
 * start or end for each).
 */
public final class FirmwareProcessor implements Processor<String, FirmwareMember, String, FirmwareVerdict> {

    // part of the changelog topics' names: keep them (see TerminalProcessor)
    public static final String COUNTS_TABLE = "firmware-counts-store";
    public static final String MEMBERS_TABLE = "firmware-members-store";

    private ProcessorContext<String, FirmwareVerdict> context;
    private KeyValueStore<String, FirmwareCounts> counts;
    private KeyValueStore<String, String> members;

    public static ProcessorSupplier<String, FirmwareMember, String, FirmwareVerdict> supplier() {
        return new ProcessorWithTables<>(FirmwareProcessor::new,
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS_TABLE), Serdes.String(), FirmwareCounts.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS_TABLE), Serdes.String(), Serdes.String()));
    }

    @Override
    public void init(ProcessorContext<String, FirmwareVerdict> context) {
        this.context = context;
        this.counts = context.getStateStore(COUNTS_TABLE);
        this.members = context.getStateStore(MEMBERS_TABLE);
    }

    @Override
    public void process(Record<String, FirmwareMember> record) {
        FirmwareMember member = record.value();
        if (member == null) {
            return;
        }
        String group = member.group();
        String memberKey = memberKey(group, member.poiid());
        String previous = members.get(memberKey);
        if (member.present() && member.version().equals(previous) || !member.present() && previous == null) {
            return;
        }
        FirmwareCounts before = Optional.ofNullable(counts.get(group)).orElse(FirmwareCounts.EMPTY);
        FirmwareCounts after = previous == null ? before : before.plus(previous, -1);
        if (member.present()) {
            after = after.plus(member.version(), 1);
            members.put(memberKey, member.version());
        } else {
            members.delete(memberKey);
        }
        if (after.byVersion().isEmpty()) {
            counts.delete(group);
        } else {
            counts.put(group, after);
        }
        Optional<String> common = after.mostCommon();
        if (common.isEmpty()) {
            return;
        }
        if (!Objects.equals(before.mostCommon(), common)) {
            for (KeyValue<String, String> each : group(group)) {
                verdict(each.key.substring(group.length() + 1), each.value, common.get(), member);
            }
        } else if (member.present()) {
            verdict(member.poiid(), member.version(), common.get(), member);
        }
    }

    private List<KeyValue<String, String>> group(String group) {
        List<KeyValue<String, String>> all = new ArrayList<>();
        try (KeyValueIterator<String, String> range = members.range(group + '\u0000', group + '\u0000' + '\uffff')) {
            range.forEachRemaining(all::add);
        }
        return all;
    }

    private void verdict(String poiid, String version, String common, FirmwareMember cause) {
        context.forward(new Record<>(poiid, new FirmwareVerdict(poiid, version, common, cause.at()), cause.at().toEpochMilli()));
    }

    private static String memberKey(String group, String poiid) {
        return group + '\u0000' + poiid;
    }
}
