package io.fleetdiag.notifier;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.Map;

/** Alert edges as the processor writes them, for the notifier's tests. */
public final class Alerts {

    private Alerts() {
    }

    public static TerminalAlert raised(String poiid, String store, AlertType type, Severity severity, Instant at) {
        return TerminalAlert.newBuilder()
                .setAlertId(poiid + ":" + type + ":" + at.toEpochMilli())
                .setStatus(AlertStatus.RAISED)
                .setType(type)
                .setSeverity(severity)
                .setPoiid(poiid)
                .setMerchantAccount("AcmeRetail_EU")
                .setStore(store)
                .setSummary(type + " on " + poiid)
                .setEvidence(Map.of("presence", "OFFLINE"))
                .setRemediation("Check the terminal's power and network.")
                .setRaisedAt(at)
                .setEventTime(at)
                .build();
    }

    public static TerminalAlert resolved(TerminalAlert raised, Instant at) {
        return TerminalAlert.newBuilder(raised).setStatus(AlertStatus.RESOLVED).setResolvedAt(at).setEventTime(at)
                .setSummary("Resolved: " + raised.getSummary()).build();
    }

    public static TerminalAlert silenced(TerminalAlert alert, String silenceId) {
        return TerminalAlert.newBuilder(alert).setSilenced(true).setPaging(false).setSilenceId(silenceId).build();
    }
}
