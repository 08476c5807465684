package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.codec.BinarySerde;
import io.fleetdiag.schemas.TerminalInventory;
import java.time.Instant;
import java.util.Objects;

/**
 * One terminal's firmware in its group (its model in its merchant account), keyed by the group for the firmware counts;
 * {@code present} false when it left the group.
 */
public record FirmwareMember(String group, String poiid, String version, boolean present, Instant at) {

    public FirmwareMember {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(poiid, "poiid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
    }

    /** The terminal's membership by its listing; null when the listing lacks a merchant account, model or firmware. */
    static FirmwareMember of(TerminalInventory listing) {
        if (listing == null || listing.getMerchantAccount() == null || listing.getModel() == null || listing.getFirmwareVersion() == null) {
            return null;
        }
        return new FirmwareMember(group(listing.getMerchantAccount(), listing.getModel()), listing.getPoiid(), listing.getFirmwareVersion(),
                true, listing.getListedAt());
    }

    public static String group(String merchantAccount, String model) {
        return merchantAccount + "/" + model;
    }

    boolean sameAs(FirmwareMember other) {
        return other != null && group.equals(other.group) && version.equals(other.version);
    }

    FirmwareMember leaving(Instant when) {
        return new FirmwareMember(group, poiid, version, false, when);
    }

    public static final BinarySerde<FirmwareMember> SERDE = new BinarySerde<>(1,
            (value, out) -> {
                out.writeUTF(value.group());
                out.writeUTF(value.poiid());
                out.writeUTF(value.version());
                out.writeBoolean(value.present());
                BinarySerde.writeInstant(out, value.at());
            },
            (in, version) -> new FirmwareMember(in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean(), BinarySerde.readInstant(in)));
}
