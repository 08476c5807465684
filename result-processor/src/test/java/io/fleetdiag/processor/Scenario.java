package io.fleetdiag.processor;

import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A deterministic life of a small fleet in rounds one minute apart: per store a snapshot (terminals
 * drop out and come back), then a diagnosis result per terminal (battery up and down, paper running
 * out, payments piling up, now and then a failed check). Every terminal has alert episodes that open
 * and close several times.
 */
final class Scenario {

    /** One input record, in the order it is produced. */
    sealed interface Input {
    }

    record Snapshot(ConnectivitySnapshot chunk) implements Input {
    }

    record Result(DiagnosisResult result) implements Input {
    }

    static final int STORES = 3;

    private Scenario() {
    }

    static String poiid(int terminal) {
        return "V400m-" + (500_000_000 + terminal);
    }

    static String store(int terminal) {
        return "EU-000" + (terminal % STORES + 1);
    }

    static List<Input> round(int round, int terminals, Instant start) {
        Instant at = start.plus(Duration.ofMinutes(round));
        List<Input> inputs = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            String store = "EU-000" + (s + 1);
            List<String> live = IntStream.range(0, terminals)
                    .filter(t -> store(t).equals(store) && (t + round) % 7 > 2)
                    .mapToObj(Scenario::poiid).toList();
            ConnectivitySnapshot chunk = Fixtures.snapshot(Fixtures.MERCHANT + "/" + store, store, at, 1, live).get(0);
            chunk.setSnapshotId(uuid("snapshot|" + store + "|" + round));
            inputs.add(new Snapshot(chunk));
        }
        for (int t = 0; t < terminals; t++) {
            int terminal = t;
            String poiid = poiid(t);
            Instant completed = at.plusSeconds(10 + t % 40);
            DiagnosisResult result = (t * 3 + round) % 13 == 0
                    ? Fixtures.failure(poiid, completed, DiagnosisOutcome.GAVE_UP, "gave up after 10 attempts; last: Busy: TX_IN_PROGRESS")
                    : Fixtures.success(poiid, completed, p -> {
                        p.battery = 5 + (terminal * 13 + round * 17) % 90;
                        p.unconfirmed = (terminal * round) % 11 == 3 ? 2 : 0;
                        if ((terminal + round) % 5 == 0) {
                            p.noPaper();
                        }
                    });
            result.setRequestId(uuid("result|" + poiid + "|" + round));
            result.setStore(store(t));
            if (result.getAdditionalResponse() != null) {
                result.getAdditionalResponse().setStoreId(store(t));
            }
            inputs.add(new Result(result));
        }
        return inputs;
    }

    static List<Input> rounds(int from, int to, int terminals, Instant start) {
        List<Input> inputs = new ArrayList<>();
        for (int round = from; round < to; round++) {
            inputs.addAll(round(round, terminals, start));
        }
        return inputs;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
