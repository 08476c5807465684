package io.fleetdiag.service.fleet;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The check request a person asks for (`fleetdiag check`, the dashboard's "Check now"): one shape for both. */
public final class ManualCheck {

    private ManualCheck() {
    }

    /**
     * @param hostAsked whether the person asked for a host diagnosis; a Mobile SDK installation always gets one
     * @param store     the terminal's store where it is known, else null
     */
    public static DiagnosisCheckRequest request(String poiid, String merchantAccount, String store, boolean hostAsked, Instant at) {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setPoiid(poiid)
                .setMerchantAccount(merchantAccount)
                .setStore(store)
                .setReason(CheckReason.MANUAL)
                .setHostDiagnosis(MobileSdk.hostDiagnosis(poiid, hostAsked))
                .setRequestedAt(at.truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
