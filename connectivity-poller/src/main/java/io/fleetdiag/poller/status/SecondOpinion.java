package io.fleetdiag.poller.status;

import io.fleetdiag.service.ratelimit.TokenBucket;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DeviceStatus;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cloud device API's status as a second opinion on the connected-terminal list (docs/design.md#connectivity-poller):
 * before the list costs a terminal a miss, the poller asks that terminal's own status, within a per-poll bound and a
 * rate shared by all scopes (a {@link TokenBucket}), and the terminals it reports ONLINE go into the snapshot as present.
 * Used by the poller's leader thread only; the memory of each scope is changed only once its snapshot is committed.
 */
public final class SecondOpinion {

    private static final Logger LOG = LoggerFactory.getLogger(SecondOpinion.class);
    private static final Verdict OFF = Verdict.none(Set.of());

    private final StatusSettings settings;
    private final TerminalApiClient adyen;
    /** Shared by every scope's status calls, so together they keep to the rate however many terminals drop out at once. */
    private final TokenBucket budget;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, StatusMemory> scopes = new HashMap<>();

    public SecondOpinion(StatusSettings settings, TerminalApiClient adyen, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.adyen = adyen;
        this.budget = new TokenBucket(settings.rate(), Math.max(1, settings.perPoll()), nanos(clock));
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Asks the status of the terminals the scope's list left out (see {@link StatusMemory}); completes, never
     * exceptionally, once every call was answered or timed out.
     */
    public CompletableFuture<Verdict> ask(String scope, String merchantAccount, List<String> listed) {
        if (!settings.enabled()) {
            return CompletableFuture.completedFuture(OFF);
        }
        Set<String> listedSet = new HashSet<>(listed);
        StatusMemory.Candidates candidates = scopes.computeIfAbsent(scope, key -> new StatusMemory()).candidates(listedSet);
        List<String> all = candidates.all();
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(Verdict.none(listedSet));
        }
        int granted = budget.take(Math.min(all.size(), settings.perPoll()), nanos(clock));
        Map<String, CompletableFuture<DeviceStatus>> calls = new HashMap<>();
        for (String poiid : all.subList(0, granted)) {
            calls.put(poiid, adyen.deviceStatus(merchantAccount, poiid)
                    .exceptionally(error -> DeviceStatus.failed(poiid, CallOutcome.MALFORMED, "status call failed: " + error))
                    .completeOnTimeout(DeviceStatus.failed(poiid, CallOutcome.RETRY_LATER, "no status answer within "
                            + settings.timeout().toMillis() + " ms"), settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        }
        if (granted < all.size()) {
            count("fleetdiag.poller.status.skipped", scope, all.size() - granted, "Status calls not made: beyond the per-poll bound or the rate");
        }
        return CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, DeviceStatus> answers = new HashMap<>();
            calls.forEach((poiid, call) -> answers.put(poiid, call.join()));
            return candidates.judge(listedSet, answers);
        });
    }

    /** The snapshot carrying {@code verdict} is committed: count it, and compare the scope's next poll with it. */
    public void published(String scope, Verdict verdict) {
        if (verdict == OFF) {
            return;
        }
        scopes.get(scope).remember(verdict);
        if (verdict.asked() == 0) {
            return;
        }
        count("fleetdiag.poller.status.calls", scope, verdict.asked(), "Status calls answered (or timed out) for terminals the list left out");
        count("fleetdiag.poller.status.failures", scope, verdict.failed(), "Status calls that failed or were malformed: the list's view stands");
        count("fleetdiag.poller.status.disagreements", scope, verdict.onlineByStatus().size(),
                "Terminals the list left out that their status call reported ONLINE");
        if (!verdict.onlineByStatus().isEmpty()) {
            LOG.info("{}: {} terminal(s) left out of the list are ONLINE by their status, kept present: {}", scope,
                    verdict.onlineByStatus().size(), verdict.onlineByStatus().subList(0, Math.min(10, verdict.onlineByStatus().size())));
        }
    }

    /** A new leadership term starts without a previous snapshot to compare with. */
    public void forget() {
        scopes.clear();
    }

    private void count(String name, String scope, int amount, String description) {
        if (amount > 0) {
            Counter.builder(name).tag("scope", scope).description(description).register(registry).increment(amount);
        }
    }

    /** The bucket's time: the clock's, so tests step it. */
    private static long nanos(Clock clock) {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
