package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.notify.HookReceiver;
import io.fleetdiag.faults.notify.WebhookDeliveries;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.ManagedService;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.testsupport.harness.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A receiver outage: the notifier runs as a service of its own and tells every alert edge to a signed
 * webhook in the suite (one POST per notification, so its webhook-id is the notification's own). During
 * the chaos the receiver is down for {@code outage}, and the notifier is SIGKILLed in the middle of it and
 * started again. Then nothing that pages may be missing at the receiver, a repeat must carry the same
 * webhook-id, and no RESOLVED may arrive before its RAISED. The outage begins 82 % into the chaos and
 * may outlast it: earlier, the processor is often still catching up after its kill and the broker's
 * restart and writes few edges (a run with the outage at a quarter of the chaos held back none), and the
 * notifier's restart (a JVM start on a loaded machine) must stay out of the reboot window, where the
 * processor has to keep up with the snapshots (two runs that restarted it there failed that check). The
 * webhook alone: the suite does not start an Alertmanager (NotifierAlertmanagerIT covers that receiver).
 * Played only when asked ({@link io.fleetdiag.faults.OptionalPhase}; fault-suite/README.md says why).
 */
public final class ReceiverOutage implements Fault, AutoCloseable {

    private static final Duration RESTART_AFTER = Duration.ofSeconds(3);
    /** For edges written after the chaos to reach the receiver before they are counted as lost. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final HookReceiver receiver;
    private final ManagedService notifier;
    private final Ledger ledger;
    private final Duration from;
    private final Duration outage;
    private final String secret;
    private boolean notifierDown;
    private Set<String> receivedAtStop = Set.of();
    private long heldBack;

    private ReceiverOutage(HookReceiver receiver, ManagedService notifier, Ledger ledger, Duration chaos, Duration outage, String secret) {
        this.receiver = receiver;
        this.notifier = notifier;
        this.ledger = ledger;
        this.from = Duration.ofMillis(chaos.toMillis() * 82 / 100);
        this.outage = outage;
        this.secret = secret;
    }

    /** Starts the receiver and the notifier, which reads terminal-alerts from the beginning: every edge of the run counts. */
    public static ReceiverOutage start(Path workDir, Map<String, String> common, Ledger ledger, Duration chaos, Duration outage)
            throws IOException {
        HookReceiver receiver = HookReceiver.start(FreePorts.next());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Path routing = workDir.resolve("notifier-routing.yaml");
        Files.writeString(routing, """
                receivers:
                  - {name: hook, type: webhook, url: "%s", secretEnv: FAULTS_HOOK_SECRET, group: false}
                routes:
                  - {match: {}, receivers: [hook]}
                inhibition: {storeDegraded: false, connectivitySourceLost: false}
                """.formatted(receiver.url()), StandardCharsets.UTF_8);
        Map<String, String> settings = new HashMap<>(common);
        settings.putAll(Map.of(
                "notifier.routing-file", routing.toString(),
                "notifier.first-start", "earliest",
                "notifier.retry-backoff", "200ms",
                "notifier.retry-max-backoff", "2s",
                "notifier.request-timeout", "5s",
                "notifier.commit-interval", "500ms",
                "http.port", Integer.toString(FreePorts.next())));
        ManagedService notifier = ManagedService.start("notifier", workDir, settings, Map.of("FAULTS_HOOK_SECRET", secret));
        return new ReceiverOutage(receiver, notifier, ledger, chaos, outage, secret);
    }

    /** Whether the notifier answers /health; it having exited fails the run's start. */
    public boolean notifierUp() throws InterruptedException {
        if (!notifier.alive()) {
            throw new IllegalStateException("The notifier exited while starting; see " + notifier.log());
        }
        try {
            Http.get(notifier.url("/health"));
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public List<Step> steps() {
        Duration kill = from.plus(outage.dividedBy(2));
        return List.of(Step.onTimeline(from, "stop the webhook receiver", () -> {
                    receiver.stop();
                    receivedAtStop = WebhookDeliveries.arrived(receiver.received());
                }),
                Step.onTimeline(kill, "SIGKILL notifier", notifier::kill),
                Step.onTimeline(kill.plus(RESTART_AFTER), "start notifier", notifier::startAgain),
                Step.onTimeline(from.plus(outage), "start the webhook receiver", () -> {
                    heldBack = WebhookDeliveries.of(ledger.edges(), List.of()).lost().stream().filter(key -> !receivedAtStop.contains(key))
                            .count();
                    receiver.start();
                }));
    }

    @Override
    public void end() throws Exception {
        notifierDown = !notifier.alive();
        receiver.start();
        notifier.startAgain();
    }

    @Override
    public boolean settled() {
        return deliveries().lost().isEmpty();
    }

    @Override
    public List<Verdict.Check> checks() throws Exception {
        try {
            Waits.until("every paging alert edge at the webhook", CATCH_UP, Duration.ofMillis(500), this::settled);
        } catch (IllegalStateException stillMissing) {
            // counted below
        }
        WebhookDeliveries deliveries = deliveries();
        long secretInLog = Files.exists(notifier.log()) && Files.readString(notifier.log(), StandardCharsets.UTF_8)
                .contains(secret.substring("whsec_".length())) ? 1 : 0;
        return List.of(new Verdict.Check("notifications lost (paging edges never at the webhook)", deliveries.lost().size(), 0),
                new Verdict.Check("notifications repeated under another webhook-id", deliveries.otherIdRepeats(), 0),
                new Verdict.Check("alerts whose RESOLVED reached the webhook before their RAISED", deliveries.outOfOrder(), 0),
                new Verdict.Check("notifier not running at the end of the chaos", notifierDown ? 1 : 0, 0),
                new Verdict.Check("notifier exits the suite did not cause", notifier.exitsOnItsOwn(), 0),
                new Verdict.Check("webhook secret in the notifier's log", secretInLog, 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        WebhookDeliveries deliveries = deliveries();
        counts.put("receiver outage (s)", outage.toSeconds());
        counts.put("notifications held back by the outage (written, not yet at the webhook when it stopped)", heldBack);
        counts.put("SIGKILLs of the notifier", notifier.kills());
        counts.put("notifications at the webhook", deliveries.deliveries());
        counts.put("notifications at the webhook again, same webhook-id", deliveries.repeats());
    }

    private WebhookDeliveries deliveries() {
        return WebhookDeliveries.of(ledger.edges(), receiver.received());
    }

    @Override
    public void close() throws InterruptedException {
        notifier.close();
        receiver.close();
    }
}
