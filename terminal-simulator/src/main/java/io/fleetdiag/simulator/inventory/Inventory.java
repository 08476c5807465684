package io.fleetdiag.simulator.inventory;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Model;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The Management API's view of the fleet: every terminal of the fleet, plus about 1 % deployed terminals
 * (at least 2) that never connected, so fleet truth can be told from {@code /connectedTerminals}. The same
 * for the same fleet and seed. About 5 % of the terminals have not taken a payment for 3 to 30 days.
 */
public final class Inventory {

    private static final double IDLE_SHARE = 0.05;

    private final List<InventoryEntry> entries;

    private Inventory(List<InventoryEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Inventory of(Fleet fleet, Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x1D7E_4701L);
        List<InventoryEntry> entries = new ArrayList<>(fleet.size() + fleet.size() / 100 + 2);
        Set<String> ids = new HashSet<>();
        for (Terminal terminal : fleet.terminals()) {
            ids.add(terminal.poiid());
            entries.add(new InventoryEntry(terminal.poiid(), terminal.model().label(), serial(terminal), terminal.merchantAccount(),
                    terminal.store(), "boarded", now.minus(Duration.ofMinutes(1 + random.nextInt(120))),
                    lastTransaction(now, random), terminal));
        }
        List<List<Terminal>> stores = fleet.stores();
        int neverConnected = stores.isEmpty() ? 0 : Math.max(2, fleet.size() / 100);
        for (int i = 0; i < neverConnected; i++) {
            Terminal neighbour = stores.get(i % stores.size()).get(0);
            String id;
            do {
                id = Model.V400M.label() + "-" + (100_000_000 + random.nextInt(900_000_000));
            } while (!ids.add(id));
            entries.add(new InventoryEntry(id, Model.V400M.label(), id.substring(id.lastIndexOf('-') + 1),
                    neighbour.merchantAccount(), neighbour.store(), "deployed", null, null, null));
        }
        return new Inventory(entries);
    }

    private static String serial(Terminal terminal) {
        String poiid = terminal.poiid();
        return terminal.model().mobile() ? poiid : poiid.substring(poiid.lastIndexOf('-') + 1);
    }

    private static Instant lastTransaction(Instant now, SplittableRandom random) {
        return random.nextDouble() < IDLE_SHARE
                ? now.minus(Duration.ofHours(24 * 3 + random.nextInt(24 * 27)))
                : now.minus(Duration.ofMinutes(random.nextInt(6 * 60)));
    }

    public List<InventoryEntry> entries() {
        return entries;
    }

    public List<InventoryEntry> matching(Predicate<InventoryEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** The deployed terminals that never held a cloud connection. */
    public List<InventoryEntry> neverConnected() {
        return matching(entry -> entry.terminal() == null);
    }
}
