package io.fleetdiag.simulator.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One simulated terminal: fixed identity, the troubles its model can have (their state is its
 * condition, changed over time by the fleet's life or the admin API), and the count of requests it is
 * handling, since a real terminal handles one at a time. The terminal's lock guards its troubles.
 * Over 250 lines because everything that reads or changes a terminal's condition (diagnosis answers, event
 * notifications, reboots, the admin API) must hold that one lock.
 */
public final class Terminal {

    private static final int REMEMBERED_SERVICE_IDS = 16;

    private final String poiid;
    private final String merchantAccount;
    private final String store;
    private final Model model;
    private final String networkProfile;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Offline first and Busy second: requests look them up the most. */
    private final Trouble[] troubles;
    /** Null but on battery models; held apart as every tick moves it on. */
    private final Battery battery;
    /** Whether a trouble may have an episode to end: most terminals most of the time have none, and a tick skips them. */
    private boolean inEpisode;
    private boolean evolving = true;
    private final long[] recentServiceIds = new long[REMEMBERED_SERVICE_IDS];
    /** Where its event notifications go, and what it last noticed of itself; null until someone listens. */
    private Notice.Sink sink;
    private Notice.Signals noticed;
    private int nextServiceIdSlot;

    Terminal(String poiid, String merchantAccount, String store, Model model, String networkProfile,
             double battery, double dockAt, Instant sdkExpiry) {
        this.poiid = poiid;
        this.merchantAccount = merchantAccount;
        this.store = store;
        this.model = model;
        this.networkProfile = networkProfile;
        this.battery = model.battery() ? new Battery(battery, dockAt) : null;
        this.troubles = troubles(model, this.battery, sdkExpiry);
    }

    /** The troubles this model can have: paper on printers, tamper on UX300/UX410, the mobile ones on Mobile SDKs. */
    private static Trouble[] troubles(Model model, Battery battery, Instant sdkExpiry) {
        List<Trouble> troubles = new ArrayList<>(List.of(new Offline(), new Busy(), new Hang(), new NetworkTrouble(model.mobile()),
                new CommunicationFault(), new Maintenance(model.mobile())));
        if (battery != null) {
            troubles.add(battery);
        }
        if (model.printer()) {
            troubles.add(new PaperOut());
        }
        if (model.tamperSwitch()) {
            troubles.add(new Tamper());
        }
        if (model.mobile()) {
            troubles.add(new SdkExpiry(sdkExpiry));
            troubles.add(new StoreAndForward());
            troubles.add(new AttestationProblem());
        }
        if (model.platform() == Model.Platform.IOS) {
            troubles.add(new AsyncCaptureFailure());
        }
        return troubles.toArray(Trouble[]::new);
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
        trouble(Busy.class).answered();
    }

    public synchronized boolean online(long now) {
        return trouble(Offline.class).online(now);
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
        return gather(now).build(evolving);
    }

    private Condition.Builder gather(long now) {
        Condition.Builder condition = new Condition.Builder();
        for (Trouble trouble : troubles) {
            trouble.report(condition, now);
        }
        return condition;
    }

    /**
     * What a DiagnosisResponse reports now. With HostDiagnosisFlag false a Mobile SDK does not connect
     * to Adyen: its attestation, forward attempt and capture retry are those of its last host diagnosis.
     * With true it goes online first: it forwards what it stored and retries failed captures, except
     * that iOS leaves payments completed within {@code iosCaptureWaitMs} for a later diagnosis (Adyen's
     * 3-minute wait before completed transactions are included in the capture retry).
     */
    public synchronized Condition reported(long now, boolean hostDiagnosis, long iosCaptureWaitMs) {
        if (!model.mobile()) {
            return condition(now);
        }
        if (hostDiagnosis) {
            hostDiagnosis(now, iosCaptureWaitMs);
        }
        Condition.Builder condition = gather(now);
        for (Trouble trouble : troubles) {
            trouble.reportHostView(condition);
        }
        return condition.build(evolving);
    }

    private void hostDiagnosis(long now, long iosCaptureWaitMs) {
        NetworkTrouble network = trouble(NetworkTrouble.class);
        boolean reachable = network.hostReachable();
        boolean captureWait = model.platform() == Model.Platform.IOS && network.waitingForCapture(now, iosCaptureWaitMs);
        if (reachable && !captureWait) {
            trouble(StoreAndForward.class).forwarded(network.unconfirmed() > 0);
            network.confirmAll();
        }
        for (Trouble trouble : troubles) {
            trouble.hostDiagnosis(reachable);
        }
    }

    // ---- the admin API ----

    /** Applies the fields an operator set; the terminal stops living by itself unless told to keep evolving. */
    public synchronized void apply(ConditionChange change, long now) {
        for (Trouble trouble : troubles) {
            trouble.apply(change, now);
        }
        inEpisode = true;
        evolving = change.evolve() != null && change.evolve();
        notice(now);
    }

    /** A ForceReboot: the terminal drops off the cloud now and is back after {@code downMs}, whatever its life does. */
    public synchronized void reboot(long now, long downMs) {
        Offline offline = trouble(Offline.class);
        offline.until = 0;
        offline.start(now + downMs);
        inEpisode = true;
        notice(now);
    }

    // ---- event notifications ----

    /** From now on the terminal notifies {@code sink} when its troubles start and end. */
    public synchronized void notifyTo(Notice.Sink sink, long now) {
        this.sink = sink;
        this.noticed = Notice.Signals.of(gather(now));
    }

    /** Notifies an event now, whatever its condition, as the admin API asks. */
    public void notice(String eventToNotify, String eventDetails, boolean maintenanceRequired, long now) {
        Notice.Sink target;
        synchronized (this) {
            target = sink;
        }
        if (target == null) {
            throw new IllegalStateException("No event URL is configured: the terminals notify no one");
        }
        target.notice(new Notice(poiid, eventToNotify, eventDetails, maintenanceRequired, now));
    }

    /** Tells the sink what changed since it last looked; the caller holds the lock. */
    private void notice(long now) {
        if (sink == null) {
            return;
        }
        Notice.Signals current = Notice.Signals.of(gather(now));
        for (Notice notice : current.since(noticed, poiid, now)) {
            sink.notice(notice);
        }
        noticed = current;
    }

    // ---- the fleet's life ----

    public synchronized boolean evolving() {
        return evolving;
    }

    /** Ends the episodes that are over and moves the battery on by {@code hours}. */
    public synchronized void advance(long now, double hours, Battery.Rates batteryRates, RandomGenerator random) {
        if (!evolving) {
            return;
        }
        if (inEpisode) {
            boolean left = false;
            for (Trouble trouble : troubles) {
                left |= trouble.advance(now);
            }
            inEpisode = left;
            notice(now);
        }
        if (battery != null) {
            battery.drift(hours, batteryRates, random);
        }
    }

    /** Starts an episode on the trouble of that kind, unless the terminal stopped evolving or its model cannot have it. */
    synchronized <T extends Trouble> void start(Class<T> kind, long now, Consumer<T> start) {
        T trouble = trouble(kind);
        if (evolving && trouble != null) {
            start.accept(trouble);
            inEpisode = true;
            notice(now);
        }
    }

    /**
     * This terminal's trouble of that kind, null when its model cannot have it. The caller holds the
     * terminal's lock: a trouble's start looks up another this way, as taking the lock again costs.
     */
    <T extends Trouble> T trouble(Class<T> kind) {
        for (Trouble trouble : troubles) {
            if (trouble.getClass() == kind) {
                return kind.cast(trouble);
            }
        }
        return null;
    }
}
