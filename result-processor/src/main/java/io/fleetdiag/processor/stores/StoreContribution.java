package io.fleetdiag.processor.stores;

import io.fleetdiag.processor.codec.BinarySerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one terminal counts in its store's health: whether it belongs to the store (false when it left
 * it), is online, is healthy (online with no WARNING or CRITICAL alert), and its active alert types.
 */
public record StoreContribution(String storeKey, String merchantAccount, String store, String poiid, boolean present, boolean online,
                                boolean healthy, List<String> alertTypes, Instant at) {

    public StoreContribution {
        alertTypes = List.copyOf(alertTypes);
    }

    public static String storeKey(String merchantAccount, String store) {
        return merchantAccount + "/" + store;
    }

    /** Whether this says the same about the terminal as {@code other}, ignoring when. */
    public boolean sameAs(StoreContribution other) {
        return other != null && storeKey.equals(other.storeKey) && present == other.present && online == other.online
                && healthy == other.healthy && alertTypes.equals(other.alertTypes);
    }

    public StoreContribution leaving(Instant when) {
        return new StoreContribution(storeKey, merchantAccount, store, poiid, false, false, false, List.of(), when);
    }

    public static final BinarySerde<StoreContribution> SERDE = new BinarySerde<>(1,
            (value, out) -> {
                out.writeUTF(value.storeKey());
                out.writeUTF(value.merchantAccount());
                out.writeUTF(value.store());
                out.writeUTF(value.poiid());
                out.writeBoolean(value.present());
                out.writeBoolean(value.online());
                out.writeBoolean(value.healthy());
                out.writeInt(value.alertTypes().size());
                for (String type : value.alertTypes()) {
                    out.writeUTF(type);
                }
                BinarySerde.writeInstant(out, value.at());
            },
            (in, version) -> {
                String storeKey = in.readUTF();
                String merchantAccount = in.readUTF();
                String store = in.readUTF();
                String poiid = in.readUTF();
                boolean present = in.readBoolean();
                boolean online = in.readBoolean();
                boolean healthy = in.readBoolean();
                int count = in.readInt();
                List<String> types = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    types.add(in.readUTF());
                }
                return new StoreContribution(storeKey, merchantAccount, store, poiid, present, online, healthy, types,
                        BinarySerde.readInstant(in));
            });
}
