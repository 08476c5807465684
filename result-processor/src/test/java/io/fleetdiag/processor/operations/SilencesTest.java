package io.fleetdiag.processor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SilencesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String[] ACCOUNTS = {null, "AcmeRetail_EU", "AcmeRetail_US"};
    private static final String[] STORES = {null, "EU-0001", "EU-0002"};
    private static final String[] TERMINALS = {null, "V400m-1", "V400m-2"};
    private static final String[] TYPES = {null, "BATTERY_LOW", "TERMINAL_OFFLINE"};

    private static AlertScope scope(String poiid, String account, String store, String type) {
        return AlertScope.newBuilder().setPoiid(poiid).setMerchantAccount(account).setStore(store).setAlertType(type).build();
    }

    private static List<AlertScope> everyScope() {
        List<AlertScope> scopes = new ArrayList<>();
        for (String poiid : TERMINALS) {
            for (String account : ACCOUNTS) {
                for (String store : STORES) {
                    for (String type : TYPES) {
                        scopes.add(scope(poiid, account, store, type));
                    }
                }
            }
        }
        return scopes;
    }

    @Test
    void everySilenceThatMatchesAnAlertIsKeptUnderOneOfThatAlertsLookupPrefixes() {
        int matching = 0;
        for (AlertScope silenceScope : everyScope()) {
            AlertOperation silence = Silences.create(silenceScope, NOW.plus(Duration.ofHours(1)), "ana", "test", NOW);
            for (AlertScope alert : everyScope()) {
                if (alert.getPoiid() == null || alert.getAlertType() == null || !Silences.matches(silence, alert)) {
                    continue;
                }
                matching++;
                assertThat(Silences.lookupPrefixes(alert)).as(silence.getId() + " for " + alert)
                        .anySatisfy(prefix -> assertThat(silence.getId()).startsWith(prefix));
            }
        }
        assertThat(matching).as("pairs checked").isGreaterThan(100);
    }

    @Test
    void anAlertReadsOnlyTheSilencesOfItsOwnTerminalAccountStoreAndTheFleet() {
        Map<String, AlertOperation> table = new TreeMap<>();
        Instant until = NOW.plus(Duration.ofHours(1));
        for (int store = 0; store < 1_000; store++) {
            AlertOperation other = Silences.create(scope(null, "Other_" + store, "S-" + store, null), until, "ana", "elsewhere", NOW);
            table.put(other.getId(), other);
        }
        AlertOperation mine = Silences.create(scope(null, "AcmeRetail_EU", "EU-0001", "BATTERY_LOW"), until, "ana", "battery swap", NOW);
        table.put(mine.getId(), mine);
        AtomicInteger read = new AtomicInteger();
        AlertOperations operations = new AlertOperations(table::get, prefix -> {
            List<AlertOperation> under = table.values().stream().filter(silence -> silence.getId().startsWith(prefix)).toList();
            read.addAndGet(under.size());
            return under;
        });

        AlertScope alert = scope("V400m-1", "AcmeRetail_EU", "EU-0001", "BATTERY_LOW");
        assertThat(operations.silencing(alert, NOW.plusSeconds(1))).contains(mine);
        assertThat(read).as("silences read for one alert").hasValue(1);
        assertThat(operations.silences()).hasSize(1_001);
    }
}
