package io.fleetdiag.simulator.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic fleet, the same for the same seed: terminals spread over merchant accounts and stores of
 * 4 to 16 terminals, with the model mix of a large retailer (countertop, portable, unattended and
 * Mobile SDK installations).
 */
public final class Fleet {

    private static final String[] MERCHANTS = {"AcmeRetail_EU", "AcmeRetail_US", "AcmeRetail_UK", "AcmeRetail_AU"};
    private static final Model[] MIX = weightedMix();

    private final List<Terminal> terminals;
    private final Map<String, Terminal> byPoiid;
    private final Map<String, List<Terminal>> byMerchant;
    private final Map<String, List<Terminal>> byStore;

    private Fleet(List<Terminal> terminals) {
        this.terminals = List.copyOf(terminals);
        Map<String, Terminal> poiids = new HashMap<>(terminals.size() * 2);
        Map<String, List<Terminal>> merchants = new LinkedHashMap<>();
        Map<String, List<Terminal>> stores = new LinkedHashMap<>();
        for (Terminal terminal : terminals) {
            poiids.put(terminal.poiid(), terminal);
            merchants.computeIfAbsent(terminal.merchantAccount(), key -> new ArrayList<>()).add(terminal);
            stores.computeIfAbsent(storeKey(terminal.merchantAccount(), terminal.store()), key -> new ArrayList<>()).add(terminal);
        }
        this.byPoiid = poiids;
        this.byMerchant = merchants;
        this.byStore = stores;
    }

    /**
     * @param merchants how many merchant accounts the terminals are spread over
     * @param sdkExpiry how many Mobile SDK installations start with an SDK expiring within a week
     */
    public static Fleet generate(int size, long seed, int merchants, SdkExpiry.Rates sdkExpiry, Instant now) {
        return new Fleet(generated(size, seed, merchants, sdkExpiry, now));
    }

    /** The generated fleet plus {@link ReferenceTerminals}: the terminals of Adyen's examples. */
    public static Fleet generateWithReferenceTerminals(int size, long seed, int merchants, SdkExpiry.Rates sdkExpiry, Instant now) {
        List<Terminal> terminals = new ArrayList<>(ReferenceTerminals.create(now));
        terminals.addAll(generated(size, seed, merchants, sdkExpiry, now));
        return new Fleet(terminals);
    }

    private static List<Terminal> generated(int size, long seed, int merchants, SdkExpiry.Rates sdkExpiry, Instant now) {
        if (size < 0 || merchants < 1) {
            throw new IllegalArgumentException("a fleet needs a size >= 0 and at least one merchant account");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Terminal> terminals = new ArrayList<>(size);
        Set<String> poiids = new HashSet<>(size * 2);
        int[] storesPerMerchant = new int[merchants];
        int storeTerminalsLeft = 0;
        String merchant = null;
        String store = null;
        for (int i = 0; i < size; i++) {
            if (storeTerminalsLeft == 0) {
                int m = random.nextInt(merchants);
                merchant = merchantName(m);
                store = merchantRegion(m) + "-" + String.format(Locale.ROOT, "%04d", ++storesPerMerchant[m]);
                storeTerminalsLeft = 4 + random.nextInt(13);
            }
            storeTerminalsLeft--;
            Model model = MIX[random.nextInt(MIX.length)];
            String poiid;
            do {
                poiid = model.mobile()
                        ? new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT) + "." + (100 + random.nextInt(900))
                        : model.label() + "-" + (100_000_000 + random.nextInt(900_000_000));
            } while (!poiids.add(poiid));
            Instant expiry = sdkExpiry.draw(now, random);
            terminals.add(new Terminal(poiid, merchant, store, model, networkProfile(model, random),
                    20 + random.nextInt(81), 8 + random.nextInt(25), expiry));
        }
        return terminals;
    }

    public static String storeKey(String merchantAccount, String store) {
        return merchantAccount + "/" + store;
    }

    public int size() {
        return terminals.size();
    }

    public List<Terminal> terminals() {
        return terminals;
    }

    public Optional<Terminal> terminal(String poiid) {
        return Optional.ofNullable(byPoiid.get(poiid));
    }

    public List<Terminal> ofMerchant(String merchantAccount) {
        return byMerchant.getOrDefault(merchantAccount, List.of());
    }

    public List<Terminal> ofStore(String merchantAccount, String store) {
        return byStore.getOrDefault(storeKey(merchantAccount, store), List.of());
    }

    /** Every store's terminals. */
    public List<List<Terminal>> stores() {
        return List.copyOf(byStore.values());
    }

    public Set<String> merchantAccounts() {
        return Collections.unmodifiableSet(byMerchant.keySet());
    }

    private static String merchantName(int index) {
        return index < MERCHANTS.length ? MERCHANTS[index] : "AcmeRetail_M" + index;
    }

    private static String merchantRegion(int index) {
        String name = merchantName(index);
        return name.substring(name.indexOf('_') + 1);
    }

    /** {@code [ { "Address": ..., "Iface": ... } ]} as standard Base64, like the reference examples. */
    private static String networkProfile(Model model, SplittableRandom random) {
        String iface = model.battery() || model.mobile() ? "wlan0" : "eth0";
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (2 + random.nextInt(250));
        String json = "[ { \"Address\": \"" + address + "\", \"Iface\": \"" + iface + "\" } ]";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Model[] weightedMix() {
        Map<Model, Integer> weights = new LinkedHashMap<>();
        weights.put(Model.V400M, 30);
        weights.put(Model.P400PLUS, 20);
        weights.put(Model.MX915, 4);
        weights.put(Model.MX925, 8);
        weights.put(Model.UX410, 6);
        weights.put(Model.UX300, 4);
        weights.put(Model.MOBILE_ANDROID, 16);
        weights.put(Model.MOBILE_IOS, 12);
        List<Model> mix = new ArrayList<>();
        weights.forEach((model, weight) -> mix.addAll(Collections.nCopies(weight, model)));
        return mix.toArray(Model[]::new);
    }
}
