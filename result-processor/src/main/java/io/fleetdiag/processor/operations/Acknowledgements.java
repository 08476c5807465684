package io.fleetdiag.processor.operations;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;

/** Acknowledgements of alert episodes, keyed by alertId: a later one of the same episode replaces the earlier. */
public final class Acknowledgements {

    private Acknowledgements() {
    }

    /** The acknowledgement names the alert's subject and type, so a reader of the topic alone knows what was acknowledged. */
    public static AlertOperation of(String alertId, AlertScope alert, String by, String note, Instant at) {
        return AlertOperation.newBuilder()
                .setKind(AlertOperationKind.ACKNOWLEDGEMENT)
                .setId(alertId)
                .setBy(by)
                .setNote(note)
                .setCreatedAt(at)
                .setScope(alert)
                .build();
    }

    public static AlertOperation of(TerminalAlert alert, String by, String note, Instant at) {
        return of(alert.getAlertId(), Silences.scopeOf(alert), by, note, at);
    }
}
