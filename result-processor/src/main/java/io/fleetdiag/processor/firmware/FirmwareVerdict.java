package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.codec.BinarySerde;
import java.time.Instant;
import java.util.Objects;

/**
 * What the firmware counts say about one terminal, keyed by POIID for the terminal table: its version and the most common
 * version of its group when {@code at}. Self-contained, so it can be judged whatever listing the terminal table holds.
 */
public record FirmwareVerdict(String poiid, String version, String common, Instant at) {

    public FirmwareVerdict {
        Objects.requireNonNull(poiid, "poiid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(at, "at");
    }

    public boolean behind() {
        return FirmwareVersion.behind(version, common);
    }

    public static final BinarySerde<FirmwareVerdict> SERDE = new BinarySerde<>(1,
            (value, out) -> {
                out.writeUTF(value.poiid());
                out.writeUTF(value.version());
                out.writeUTF(value.common());
                BinarySerde.writeInstant(out, value.at());
            },
            (in, version) -> new FirmwareVerdict(in.readUTF(), in.readUTF(), in.readUTF(), BinarySerde.readInstant(in)));
}
