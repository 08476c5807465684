package io.fleetdiag.simulator.inventory;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Model;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The Management API's view of the fleet: every terminal of the fleet, plus about 1 % deployed terminals
 * (at least 2) that never connected, so fleet truth can be told from {@code /connectedTerminals}. The same
 * for the same fleet and seed. About 5 % of the terminals have not taken a payment for 3 to 30 days; about 2 % run an
 * older firmware release than the rest of their model in their merchant account; one is stuck in a reassignment; the
 * battery-powered counter terminals (V400m) carry a SIM card.
 */
public final class Inventory {

    private static final double IDLE_SHARE = 0.05;
    private static final double BEHIND_SHARE = 0.02;
    private static final int MIN_GROUP_FOR_BEHIND = 3;

    // replaced in place when a terminal is reassigned or its settings change; readers iterate a snapshot
    private final CopyOnWriteArrayList<InventoryEntry> entries;
    private final Map<String, Integer> positions = new HashMap<>();

    private Inventory(List<InventoryEntry> entries) {
        this.entries = new CopyOnWriteArrayList<>(entries);
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i).id(), i);
        }
    }

    public static Inventory of(Fleet fleet, Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x1D7E_4701L);
        List<InventoryEntry> entries = new ArrayList<>(fleet.size() + fleet.size() / 100 + 2);
        Set<String> ids = new HashSet<>();
        // their own random streams: the idle and never-connected terminals stay what they were for a seed
        SplittableRandom upkeep = new SplittableRandom(seed ^ 0xF1_2A3EL);
        Set<String> behind = behind(fleet, upkeep);
        String stuck = stuckInReassignment(fleet, behind);
        for (Terminal terminal : fleet.terminals()) {
            ids.add(terminal.poiid());
            boolean reassigning = terminal.poiid().equals(stuck);
            boolean sim = terminal.model().battery() && !terminal.model().mobile();
            entries.add(new InventoryEntry(terminal.poiid(), terminal.model().label(), serial(terminal), terminal.merchantAccount(),
                    terminal.store(), reassigning ? InventoryEntry.REASSIGNMENT_IN_PROGRESS : "boarded",
                    now.minus(Duration.ofMinutes(1 + random.nextInt(120))), lastTransaction(now, random), terminal,
                    behind.contains(terminal.poiid()) ? InventoryEntry.OLD_RELEASE : InventoryEntry.CURRENT_RELEASE,
                    reassigning ? otherMerchant(fleet, terminal.merchantAccount()) : null,
                    sim ? iccid(upkeep) : null, sim ? "activated" : null, InventoryEntry.DEFAULT_RESTART));
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
                    neighbour.merchantAccount(), neighbour.store(), "deployed", null, null, null, InventoryEntry.CURRENT_RELEASE, null,
                    null, null, InventoryEntry.DEFAULT_RESTART));
        }
        return new Inventory(entries);
    }

    /**
     * About {@value #BEHIND_SHARE} of the terminals (at least 2) left on the old release: only terminals whose model has at least
     * {@value #MIN_GROUP_FOR_BEHIND} terminals in their merchant account, and never most of one, so each is behind its peers.
     */
    private static Set<String> behind(Fleet fleet, SplittableRandom random) {
        Map<String, List<Terminal>> groups = new TreeMap<>();
        for (Terminal terminal : fleet.terminals()) {
            if (!terminal.model().mobile()) {
                groups.computeIfAbsent(terminal.merchantAccount() + "/" + terminal.model().label(), group -> new ArrayList<>()).add(terminal);
            }
        }
        List<Terminal> eligible = groups.values().stream().filter(group -> group.size() >= MIN_GROUP_FOR_BEHIND)
                .flatMap(List::stream).toList();
        int wanted = eligible.isEmpty() ? 0 : Math.max(2, (int) (fleet.size() * BEHIND_SHARE));
        Set<String> behind = new LinkedHashSet<>();
        Map<String, Integer> perGroup = new HashMap<>();
        for (int tries = 0; behind.size() < wanted && tries < wanted * 20; tries++) {
            Terminal terminal = eligible.get(random.nextInt(eligible.size()));
            String group = terminal.merchantAccount() + "/" + terminal.model().label();
            int size = groups.get(group).size();
            if ((perGroup.getOrDefault(group, 0) + 1) * 3 <= size && behind.add(terminal.poiid())) {
                perGroup.merge(group, 1, Integer::sum);
            }
        }
        return behind;
    }

    /** One terminal stuck in a reassignment (REASSIGNMENT_STUCK): the last one that is neither mobile nor behind, if any. */
    private static String stuckInReassignment(Fleet fleet, Set<String> behind) {
        List<Terminal> terminals = fleet.terminals();
        for (int i = terminals.size() - 1; i > 0; i--) {
            Terminal terminal = terminals.get(i);
            if (!terminal.model().mobile() && !behind.contains(terminal.poiid())) {
                return terminal.poiid();
            }
        }
        return null;
    }

    private static String otherMerchant(Fleet fleet, String merchantAccount) {
        return fleet.merchantAccounts().stream().filter(other -> !other.equals(merchantAccount)).sorted().findFirst().orElse(merchantAccount);
    }

    /** An ICCID as SIM cards carry them: 89 (telecom), a country and issuer, then digits; 19 in all. */
    private static String iccid(SplittableRandom random) {
        return "8931" + String.format("%015d", random.nextLong(1_000_000_000_000_000L));
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
        return List.copyOf(entries);
    }

    public Optional<InventoryEntry> entry(String id) {
        Integer position = positions.get(id);
        return position == null ? Optional.empty() : Optional.of(entries.get(position));
    }

    /** Replaces the terminal's entry with what {@code change} makes of it; the new entry. */
    public synchronized InventoryEntry update(String id, UnaryOperator<InventoryEntry> change) {
        Integer position = positions.get(id);
        if (position == null) {
            throw new IllegalArgumentException("No terminal " + id + " in the inventory");
        }
        InventoryEntry changed = change.apply(entries.get(position));
        entries.set(position, changed);
        return changed;
    }

    public List<InventoryEntry> matching(Predicate<InventoryEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** The deployed terminals that never held a cloud connection. */
    public List<InventoryEntry> neverConnected() {
        return matching(entry -> entry.terminal() == null);
    }
}
