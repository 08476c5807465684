package io.fleetdiag.terminalapi;

import java.util.Objects;

/**
 * One diagnosis request to one terminal. {@code merchantAccount} is needed by the Cloud device API
 * (it is part of the path) and ignored by the Terminal API.
 */
public record DiagnosisCall(String poiid, String merchantAccount, boolean hostDiagnosis, String serviceId, String saleId) {

    public DiagnosisCall {
        Objects.requireNonNull(poiid, "poiid");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(saleId, "saleId");
    }
}
