package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.codec.BinarySerde;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How many terminals of one group (a model in a merchant account) run each firmware version. */
public record FirmwareCounts(Map<String, Integer> byVersion) {

    public static final FirmwareCounts EMPTY = new FirmwareCounts(Map.of());

    public FirmwareCounts {
        byVersion = Map.copyOf(byVersion);
    }

    FirmwareCounts plus(String version, int delta) {
        Map<String, Integer> changed = new TreeMap<>(byVersion);
        int count = changed.getOrDefault(version, 0) + delta;
        if (count > 0) {
            changed.put(version, count);
        } else {
            changed.remove(version);
        }
        return new FirmwareCounts(changed);
    }

    Optional<String> mostCommon() {
        return FirmwareVersion.mostCommon(byVersion);
    }

    public static final BinarySerde<FirmwareCounts> SERDE = new BinarySerde<>(1,
            (value, out) -> {
                Map<String, Integer> sorted = new TreeMap<>(value.byVersion());
                out.writeInt(sorted.size());
                for (Map.Entry<String, Integer> entry : sorted.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue());
                }
            },
            (in, version) -> {
                int size = in.readInt();
                Map<String, Integer> counts = new TreeMap<>();
                for (int i = 0; i < size; i++) {
                    counts.put(in.readUTF(), in.readInt());
                }
                return new FirmwareCounts(counts);
            });
}
