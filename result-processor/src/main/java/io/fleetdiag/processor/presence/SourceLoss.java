package io.fleetdiag.processor.presence;

import io.fleetdiag.processor.alerts.AlertEpisodes;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.Map;

/**
 * Tells a lost connectivity source from terminals going offline. An empty /connectedTerminals answer
 * can mean that WebSockets are disabled (docs/design.md#the-terminal-api): when one complete snapshot
 * misses at least {@code share} of a scope's live terminals at once, the scope raises one
 * CONNECTIVITY_SOURCE_LOST and nobody in it counts a miss until a snapshot lists them again.
 */
public record SourceLoss(double share, int minTerminals) {

    static final String REMEDIATION = "The /connectedTerminals answer for this scope is empty or collapsed, which can mean that"
            + " WebSockets are not enabled: check In-person payments > Terminal settings > Integrations in the Customer Area,"
            + " and the API key's merchant account and store. Per-terminal offline alerts of the scope are held until it recovers.";

    /** Whether a snapshot that missed {@code missing} of {@code live} terminals means the source is lost. */
    public boolean lost(int live, int missing) {
        return live >= minTerminals && live > 0 && missing >= share * live;
    }

    static TerminalAlert raised(ConnectivitySnapshot snapshot, int live, int missing, Instant at) {
        return TerminalAlert.newBuilder()
                .setAlertId(AlertEpisodes.alertId("scope:" + snapshot.getScope(), AlertType.CONNECTIVITY_SOURCE_LOST, at))
                .setStatus(AlertStatus.RAISED)
                .setType(AlertType.CONNECTIVITY_SOURCE_LOST)
                .setSeverity(Severity.CRITICAL)
                .setMerchantAccount(snapshot.getMerchantAccount())
                .setStore(snapshot.getStore())
                .setSummary("/connectedTerminals for " + snapshot.getScope() + " listed " + (live - missing) + " of its " + live
                        + " live terminals: connectivity source lost")
                .setEvidence(evidence(snapshot, live, missing))
                .setRemediation(REMEDIATION)
                .setRaisedAt(at)
                .setEventTime(at)
                .build();
    }

    static TerminalAlert resolved(TerminalAlert raised, ConnectivitySnapshot snapshot, int live, int missing, Instant at) {
        return TerminalAlert.newBuilder(raised)
                .setStatus(AlertStatus.RESOLVED)
                .setSummary("Resolved: " + raised.getSummary())
                .setEvidence(evidence(snapshot, live, missing))
                .setRemediation("Nothing to do: the scope's terminals are listed again.")
                .setResolvedAt(at)
                .setEventTime(at)
                .build();
    }

    private static Map<String, String> evidence(ConnectivitySnapshot snapshot, int live, int missing) {
        return Map.of("scope", snapshot.getScope(), "snapshotId", snapshot.getSnapshotId(),
                "liveBefore", Integer.toString(live), "missing", Integer.toString(missing));
    }
}
