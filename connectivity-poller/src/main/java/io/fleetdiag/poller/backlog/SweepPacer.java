package io.fleetdiag.poller.backlog;

import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sends the checks of a schedule window that fit the budget, earliest due first, and moves the schedule
 * only as far as what was sent: the rest stay due, so the sweep stretches instead of the queue growing
 * or checks being dropped. Checks due at one instant go together or not at all, so a watermark between
 * them skips none. A check sent late gets its full interval to run from the moment it is sent, so the
 * wait it already had does not expire it in the dispatchers' queue.
 */
public final class SweepPacer {

    /**
     * @param checks    the checks to send
     * @param watermark how far the schedule went: the window's end when every check was sent
     * @param held      checks due in the window that wait for a later poll
     */
    public record Paced(List<DiagnosisCheckRequest> checks, Instant watermark, int held) {

        public Paced {
            checks = List.copyOf(checks);
            if (watermark == null || held < 0) {
                throw new IllegalArgumentException("a paced window has a watermark and held checks of at least 0");
            }
        }
    }

    private final Duration runFor;

    /** @param runFor how long after being sent a check may still run (the check interval) */
    public SweepPacer(Duration runFor) {
        this.runFor = runFor;
    }

    /** The checks due in {@code (from, to]}, at most {@code allowance} of them, as sent at {@code now}. */
    public Paced pace(List<DiagnosisCheckRequest> due, Instant from, Instant to, long allowance, Instant now) {
        Instant runsUntil = now.plus(runFor);
        if (due.size() <= allowance) {
            due.forEach(check -> runUntil(check, runsUntil));
            return new Paced(due, to, 0);
        }
        List<DiagnosisCheckRequest> byDue = new ArrayList<>(due);
        byDue.sort(Comparator.comparing(DiagnosisCheckRequest::getRequestedAt));
        Instant beforeFirstHeld = byDue.get((int) allowance).getRequestedAt().minusMillis(1);
        Instant watermark = beforeFirstHeld.isBefore(from) ? from : beforeFirstHeld;
        List<DiagnosisCheckRequest> sent = new ArrayList<>();
        for (DiagnosisCheckRequest check : byDue) {
            if (check.getRequestedAt().isAfter(watermark)) {
                break;
            }
            runUntil(check, runsUntil);
            sent.add(check);
        }
        return new Paced(sent, watermark, due.size() - sent.size());
    }

    private static void runUntil(DiagnosisCheckRequest check, Instant runsUntil) {
        if (check.getDeadline() == null || check.getDeadline().isBefore(runsUntil)) {
            check.setDeadline(runsUntil);
        }
    }
}
