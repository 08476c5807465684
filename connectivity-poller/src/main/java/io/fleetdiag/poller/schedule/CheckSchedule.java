package io.fleetdiag.poller.schedule;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.fleet.MobileSdk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * When each terminal is due for its SCHEDULED check: every terminal has a stable slot within the check
 * interval, from a hash of its POIID, and is due at every {@code k * interval + slot}. A fleet's checks
 * therefore spread evenly over the interval instead of arriving as one burst, and the same terminal is
 * due at the same moments whichever poller instance is leading.
 */
public final class CheckSchedule {

    private final long intervalMs;
    private final Duration deadline;

    public CheckSchedule(Duration interval, Duration deadline) {
        this.intervalMs = interval.toMillis();
        this.deadline = deadline;
    }

    /** The terminal's offset within each interval. */
    public long slot(String poiid) {
        return Math.floorMod(Utils.murmur2(poiid.getBytes(StandardCharsets.UTF_8)) & 0x7fffffffL, intervalMs);
    }

    /** The latest instant at or before {@code to} at which the terminal is due. */
    long lastDueAtOrBefore(String poiid, long to) {
        long slot = slot(poiid);
        return Math.floorDiv(to - slot, intervalMs) * intervalMs + slot;
    }

    /**
     * A SCHEDULED check for every live terminal due in {@code (from, to]}; the window must not be longer
     * than the interval. The requestId is derived from POIID and due time, so a repeated window repeats ids.
     * A Mobile SDK installation's check asks for host diagnosis: without it the SDK does not connect to Adyen.
     */
    public List<DiagnosisCheckRequest> due(Collection<String> livePoiids, Instant from, Instant to, String merchantAccount, String store) {
        if (Duration.between(from, to).toMillis() > intervalMs) {
            throw new IllegalArgumentException("a schedule window cannot be longer than the check interval");
        }
        List<DiagnosisCheckRequest> checks = new ArrayList<>();
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        for (String poiid : livePoiids) {
            long due = lastDueAtOrBefore(poiid, toMs);
            if (due > fromMs) {
                Instant dueAt = Instant.ofEpochMilli(due);
                checks.add(DiagnosisCheckRequest.newBuilder()
                        .setRequestId(UUID.nameUUIDFromBytes(("SCHEDULED|" + poiid + "|" + due).getBytes(StandardCharsets.UTF_8)).toString())
                        .setPoiid(poiid)
                        .setMerchantAccount(merchantAccount)
                        .setStore(store)
                        .setReason(CheckReason.SCHEDULED)
                        .setHostDiagnosis(MobileSdk.hostDiagnosis(poiid, false))
                        .setRequestedAt(dueAt)
                        .setDeadline(dueAt.plus(deadline))
                        .build());
            }
        }
        return checks;
    }
}
