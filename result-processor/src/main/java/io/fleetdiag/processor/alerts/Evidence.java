package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.TerminalState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the latest successful diagnosis of a state, where there is one, for the rules. */
public final class Evidence {

    private Evidence() {
    }

    public static DiagnosisResult lastSuccess(TerminalState state) {
        return state.getLastSuccess();
    }

    public static AdditionalResponse additional(TerminalState state) {
        return state.getLastSuccess() == null ? null : state.getLastSuccess().getAdditionalResponse();
    }

    public static PoiStatus poiStatus(TerminalState state) {
        return state.getLastSuccess() == null ? null : state.getLastSuccess().getPoiStatus();
    }

    /** Evidence pairs, skipping null values, in the given order. */
    public static Map<String, String> of(Object... keysAndValues) {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                evidence.put(keysAndValues[i].toString(), keysAndValues[i + 1].toString());
            }
        }
        return evidence;
    }
}
