package io.fleetdiag.simulator.fleet;

import io.fleetdiag.simulator.life.LifeRates;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * One simulated terminal: fixed identity, a condition that changes over time (by the fleet's life or
 * the admin API), and the count of requests it is handling, since a real terminal handles one at a
 * time. Condition changes are synchronized on the terminal; episodes end at their "until" instant.
 */
public final class Terminal {

    private static final long FOREVER = Long.MAX_VALUE;
    private static final int REMEMBERED_SERVICE_IDS = 16;

    private final String poiid;
    private final String merchantAccount;
    private final String store;
    private final Model model;
    private final String networkProfile;
    private final AtomicInteger inFlight = new AtomicInteger();

    private boolean evolving = true;
    private long offlineUntil;
    private long hungUntil;
    private long busyUntil;
    private int busyCalls;
    private double battery;
    private boolean charging;
    private double dockAt;
    private String printer = "OK";
    private long paperRefillAt;
    private String globalStatus = "OK";
    private long maintenanceUntil;
    private boolean communicationOk = true;
    private long communicationFaultUntil;
    private boolean tampered;
    private long tamperedUntil;
    private int unconfirmed;
    private boolean hostReachable = true;
    private long networkTroubleUntil;
    private int firmwarePatch;
    private Instant sdkExpiry;
    private boolean storeAndForwardActive;
    private Instant offlineExpiresAt;
    private String forwardAttemptStatus;
    private long storeAndForwardUntil;
    private String attestation = "valid";
    private List<Condition.Issue> issues = List.of();
    private long attestationUntil;
    private String asyncCapture = "Success";
    private long asyncCaptureUntil;
    /** When the newest unconfirmed payment was completed, for iOS's capture-retry wait. */
    private long unconfirmedSince;
    // what the last host diagnosis reported: a Mobile SDK answers these without connecting to Adyen
    private Condition.Attestation hostAttestation = new Condition.Attestation("valid", List.of());
    private String hostForwardAttemptStatus;
    private String hostAsyncCapture = "Success";
    private final long[] recentServiceIds = new long[REMEMBERED_SERVICE_IDS];
    private int nextServiceIdSlot;

    Terminal(String poiid, String merchantAccount, String store, Model model, String networkProfile,
             double battery, double dockAt, Instant sdkExpiry) {
        this.poiid = poiid;
        this.merchantAccount = merchantAccount;
        this.store = store;
        this.model = model;
        this.networkProfile = networkProfile;
        this.battery = battery;
        this.dockAt = dockAt;
        this.sdkExpiry = sdkExpiry;
        this.firmwarePatch = 4;
    }

    public String poiid() {
        return poiid;
    }

    public String merchantAccount() {
        return merchantAccount;
    }

    public String store() {
        return store;
    }

    public Model model() {
        return model;
    }

    /** Base64 of the networkProfile JSON this terminal reports. */
    public String networkProfile() {
        return networkProfile;
    }

    /** Counts a request in; returns how many this terminal is now handling, including this one. */
    public int enter() {
        return inFlight.incrementAndGet();
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    /** Counts down a busy answer given for {@code busyCalls}, if any are left. */
    public synchronized void answeredBusy() {
        if (busyCalls > 0) {
            busyCalls--;
        }
    }

    public synchronized boolean online(long now) {
        return offlineUntil == 0 || now >= offlineUntil;
    }

    /** Remembers a ServiceID; false when this terminal saw it among its recent requests (Adyen wants them unique for 48 h). */
    public synchronized boolean rememberServiceId(String serviceId) {
        long hash = serviceId.hashCode() * 0x9E3779B97F4A7C15L + serviceId.length();
        for (long seen : recentServiceIds) {
            if (seen == hash && hash != 0) {
                return false;
            }
        }
        recentServiceIds[nextServiceIdSlot] = hash;
        nextServiceIdSlot = (nextServiceIdSlot + 1) % REMEMBERED_SERVICE_IDS;
        return true;
    }

    public synchronized Condition condition(long now) {
        boolean online = online(now);
        return new Condition(
                online,
                hungUntil == 0 || now >= hungUntil,
                (busyUntil != 0 && now < busyUntil) || busyCalls > 0,
                model.battery() ? (int) Math.round(battery) : null,
                model.battery() ? charging : null,
                model.printer() ? printer : null,
                globalStatus,
                communicationOk,
                model.tamperSwitch() ? tampered : null,
                unconfirmed,
                hostReachable,
                firmwareVersion(),
                model.mobile() ? sdkExpiry : null,
                model.mobile() ? new Condition.StoreAndForward(true, storeAndForwardActive, offlineExpiresAt, forwardAttemptStatus) : null,
                model.mobile() ? new Condition.Attestation(attestation, issues) : null,
                model.platform() == Model.Platform.IOS ? asyncCapture : null,
                evolving);
    }

    private String firmwareVersion() {
        return model.mobile() ? "sdk_2.7." + firmwarePatch : "adyen_v1_69p" + firmwarePatch;
    }

    /**
     * What a DiagnosisResponse reports now. With HostDiagnosisFlag false a Mobile SDK does not connect
     * to Adyen: its attestation, forward attempt and capture retry are those of its last host diagnosis.
     * With true it goes online first: it forwards what it stored and retries failed captures, except
     * that iOS leaves payments completed within {@code iosCaptureWaitMs} for a later diagnosis (Adyen's
     * 3-minute wait before completed transactions are included in the capture retry).
     */
    public synchronized Condition reported(long now, boolean hostDiagnosis, long iosCaptureWaitMs) {
        if (hostDiagnosis && model.mobile()) {
            hostDiagnosis(now, iosCaptureWaitMs);
        }
        Condition live = condition(now);
        return model.mobile() ? live.withHostView(hostAttestation, hostForwardAttemptStatus, hostAsyncCapture) : live;
    }

    private void hostDiagnosis(long now, long iosCaptureWaitMs) {
        if (hostReachable) {
            boolean captureWait = model.platform() == Model.Platform.IOS && unconfirmed > 0 && now - unconfirmedSince < iosCaptureWaitMs;
            if (!captureWait) {
                // a failed earlier attempt is retried too, so the last attempt is a success now
                if (unconfirmed > 0 || storeAndForwardActive || (forwardAttemptStatus != null && !"Success".equals(forwardAttemptStatus))) {
                    forwardAttemptStatus = "Success";
                }
                unconfirmed = 0;
            }
            storeAndForwardActive = false;
            offlineExpiresAt = null;
            if ("Failed".equals(attestation) || "Expired".equals(attestation)) {
                attestation = "valid";
                issues = List.of();
            }
            if (!"Success".equals(asyncCapture)) {
                asyncCapture = "Success";
            }
        } else {
            forwardAttemptStatus = "Connectivity failure";
        }
        hostAttestation = new Condition.Attestation(attestation, issues);
        hostForwardAttemptStatus = forwardAttemptStatus;
        hostAsyncCapture = asyncCapture;
    }

    // ---- the admin API ----

    /** Applies the fields an operator set; the terminal stops living by itself unless told to keep evolving. */
    public synchronized void apply(ConditionChange change, long now) {
        if (change.online() != null) {
            offlineUntil = change.online() ? 0 : FOREVER;
        }
        if (change.responding() != null) {
            hungUntil = change.responding() ? 0 : FOREVER;
        }
        if (change.busy() != null) {
            busyUntil = change.busy() ? FOREVER : 0;
        }
        if (change.busyForMs() != null) {
            busyUntil = now + change.busyForMs();
        }
        if (change.busyCalls() != null) {
            busyCalls = Math.max(0, change.busyCalls());
        }
        if (change.battery() != null && model.battery()) {
            battery = Math.max(0, Math.min(100, change.battery()));
        }
        if (change.charging() != null) {
            charging = change.charging();
        }
        if (change.paper() != null && model.printer()) {
            printer = change.paper();
            paperRefillAt = FOREVER;
        }
        if (change.globalStatus() != null) {
            globalStatus = change.globalStatus();
            maintenanceUntil = FOREVER;
        }
        if (change.communicationOk() != null) {
            communicationOk = change.communicationOk();
            communicationFaultUntil = FOREVER;
        }
        if (change.tamper() != null && model.tamperSwitch()) {
            tampered = change.tamper();
            tamperedUntil = FOREVER;
        }
        if (change.unconfirmed() != null) {
            unconfirmed = Math.max(0, change.unconfirmed());
            unconfirmedSince = now;
            networkTroubleUntil = FOREVER;
        }
        if (change.hostReachable() != null) {
            hostReachable = change.hostReachable();
            networkTroubleUntil = FOREVER;
        }
        if (change.sdkExpiry() != null && model.mobile()) {
            sdkExpiry = change.sdkExpiry();
        }
        if (change.storeAndForwardActive() != null && model.mobile()) {
            storeAndForwardActive = change.storeAndForwardActive();
            storeAndForwardUntil = FOREVER;
        }
        if (change.offlineExpiresAt() != null && model.mobile()) {
            offlineExpiresAt = change.offlineExpiresAt();
        }
        if (change.forwardAttemptStatus() != null && model.mobile()) {
            forwardAttemptStatus = change.forwardAttemptStatus();
        }
        if (change.attestationStatus() != null && model.mobile()) {
            attestation = change.attestationStatus();
            issues = change.resolvableIssues() == null ? List.of() : List.copyOf(change.resolvableIssues());
            attestationUntil = FOREVER;
        }
        if (change.asyncCaptureStatus() != null && model.platform() == Model.Platform.IOS) {
            asyncCapture = change.asyncCaptureStatus();
            asyncCaptureUntil = FOREVER;
        }
        evolving = change.evolve() != null && change.evolve();
    }

    // ---- the fleet's life ----

    public synchronized boolean evolving() {
        return evolving;
    }

    /** Ends the episodes that are over and moves the battery on by {@code hours}. */
    public synchronized void advance(long now, double hours, LifeRates rates, RandomGenerator random) {
        if (!evolving) {
            return;
        }
        if (offlineUntil != 0 && now >= offlineUntil) {
            offlineUntil = 0;
        }
        if (hungUntil != 0 && now >= hungUntil) {
            hungUntil = 0;
        }
        if (!"OK".equals(printer) && now >= paperRefillAt) {
            printer = "OK";
        }
        if (!"OK".equals(globalStatus) && now >= maintenanceUntil) {
            globalStatus = "OK";
            firmwarePatch++;
        }
        if (!communicationOk && now >= communicationFaultUntil) {
            communicationOk = true;
        }
        if (tampered && rates.tamperRecoveryMinutes() > 0 && now >= tamperedUntil) {
            tampered = false;
        }
        if (!hostReachable && now >= networkTroubleUntil) {
            hostReachable = true;
            if (!model.mobile()) {
                unconfirmed = 0;
            }
        }
        if (storeAndForwardActive && now >= storeAndForwardUntil) {
            storeAndForwardActive = false;
        }
        if (!"valid".equals(attestation) && now >= attestationUntil) {
            attestation = "valid";
            issues = List.of();
        }
        if (!"Success".equals(asyncCapture) && now >= asyncCaptureUntil) {
            asyncCapture = "Success";
        }
        if (model.battery() && (rates.batteryDrainPercentPerHour() > 0 || rates.batteryChargePercentPerHour() > 0)) {
            if (charging) {
                battery = Math.min(100, battery + rates.batteryChargePercentPerHour() * hours);
                if (battery >= 100) {
                    charging = false;
                    dockAt = rates.dockAtPercent().draw(random);
                }
            } else {
                battery = Math.max(0, battery - rates.batteryDrainPercentPerHour() * hours);
                if (battery <= dockAt) {
                    charging = true;
                }
            }
        }
    }

    public synchronized void startSale(long now, long until) {
        if (evolving && online(now) && busyUntil < until) {
            busyUntil = until;
        }
    }

    public synchronized void disconnect(long until) {
        if (evolving && offlineUntil == 0) {
            offlineUntil = until;
        }
    }

    /** Keeps its cloud connection but answers nothing, like a terminal whose payment app froze. */
    public synchronized void hang(long until) {
        if (evolving && hungUntil == 0) {
            hungUntil = until;
        }
    }

    public synchronized void paperOut(long refillAt) {
        if (evolving && model.printer() && "OK".equals(printer)) {
            printer = "NoPaper";
            paperRefillAt = refillAt;
        }
    }

    public synchronized void networkTrouble(long until, int payments) {
        if (evolving && hostReachable) {
            hostReachable = false;
            networkTroubleUntil = until;
            unconfirmed += payments;
        }
    }

    public synchronized void tamper(long until) {
        if (evolving && model.tamperSwitch() && !tampered) {
            tampered = true;
            tamperedUntil = until;
        }
    }

    public synchronized void communicationFault(long until) {
        if (evolving && communicationOk) {
            communicationOk = false;
            communicationFaultUntil = until;
        }
    }

    public synchronized void maintenance(long until) {
        if (evolving && "OK".equals(globalStatus)) {
            globalStatus = "Maintenance";
            maintenanceUntil = until;
        }
    }

    public synchronized void attestationProblem(long until) {
        if (evolving && model.mobile() && "valid".equals(attestation)) {
            attestation = "Rejected";
            issues = List.of(new Condition.Issue("Developer options enabled",
                    "Turn off developer options in the device settings, then retry."));
            attestationUntil = until;
        }
    }

    public synchronized void storeAndForward(long until, Instant expiresAt, int payments) {
        if (evolving && model.mobile() && !storeAndForwardActive) {
            storeAndForwardActive = true;
            storeAndForwardUntil = until;
            offlineExpiresAt = expiresAt;
            forwardAttemptStatus = "Connectivity failure";
            unconfirmed += payments;
        }
    }

    public synchronized void asyncCaptureFailure(long until) {
        if (evolving && model.platform() == Model.Platform.IOS && "Success".equals(asyncCapture)) {
            asyncCapture = "Connectivity Failure";
            asyncCaptureUntil = until;
        }
    }
}
