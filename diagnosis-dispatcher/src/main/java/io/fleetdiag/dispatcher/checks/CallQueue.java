package io.fleetdiag.dispatcher.checks;

import io.fleetdiag.dispatcher.loop.EventQueue;
import io.fleetdiag.dispatcher.ratelimit.MerchantRateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The terminals whose waiting check may be called, first come first served. A check whose retry time
 * has not come, or whose merchant account is at its rate limit, leaves the line and comes back on a
 * timer, so it never holds up the terminals behind it.
 */
public final class CallQueue {

    private final TerminalLanes lanes;
    private final MerchantRateLimiter rateLimiter;
    private final EventQueue loop;
    private final Clock clock;
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private final Set<String> inLine = new HashSet<>();

    public CallQueue(TerminalLanes lanes, MerchantRateLimiter rateLimiter, EventQueue loop, Clock clock) {
        this.lanes = lanes;
        this.rateLimiter = rateLimiter;
        this.loop = loop;
        this.clock = clock;
    }

    /** Puts the terminal's waiting check in line for a call, now or when its retry time comes. */
    public void schedule(String poiid) {
        lanes.startable(poiid).ifPresent(check -> {
            if (check.notBefore().isAfter(clock.instant())) {
                loop.later(check.notBefore(), () -> schedule(poiid));
            } else if (inLine.add(poiid)) {
                ready.add(poiid);
            }
        });
    }

    /** The next check that may be called now, moved in flight in its lane; empty when none may. */
    public Optional<PendingCheck> next() {
        while (!ready.isEmpty()) {
            String poiid = ready.poll();
            inLine.remove(poiid);
            PendingCheck check = lanes.startable(poiid).orElse(null);
            if (check == null) {
                continue;
            }
            Instant now = clock.instant();
            if (check.notBefore().isAfter(now)) {
                loop.later(check.notBefore(), () -> schedule(poiid));
                continue;
            }
            long waitNanos = rateLimiter.take(check.request().getMerchantAccount(), now.getEpochSecond() * 1_000_000_000L + now.getNano());
            if (waitNanos > 0) {
                loop.later(now.plusNanos(waitNanos), () -> schedule(poiid));
                continue;
            }
            return Optional.of(lanes.start(poiid));
        }
        return Optional.empty();
    }

    public boolean hasReady() {
        return !ready.isEmpty();
    }
}
