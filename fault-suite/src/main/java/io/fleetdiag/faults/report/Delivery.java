package io.fleetdiag.faults.report;

import io.fleetdiag.faults.ledger.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every fault may break, counted once for all of them: checks requested before the cutoff and never
 * answered, and alert episodes whose edges are repeated or out of order.
 *
 * @param cutoff the end of the chaos: a check requested before it must be answered
 */
public record Delivery(Ledger ledger, Instant cutoff) {

    public boolean settled() {
        return ledger.unanswered(cutoff).isEmpty();
    }

    public List<Verdict.Check> checks() {
        return List.of(new Verdict.Check("checks requested but not answered (lost)", ledger.unanswered(cutoff).size(), 0),
                new Verdict.Check("alert episodes with more than one RAISED", ledger.duplicateRaised(), 0),
                new Verdict.Check("alert episodes RESOLVED without a RAISED", ledger.resolvedWithoutRaised(), 0),
                new Verdict.Check("alert episodes UPDATED outside their RAISED..RESOLVED", ledger.updatesOutsideEpisode(), 0));
    }

    public void count(Map<String, Object> counts) {
        counts.put("checks requested before the cutoff", ledger.requestedBefore(cutoff));
        ledger.outcomes().forEach((outcome, count) -> counts.put("results " + outcome, count));
        counts.put("alert episodes", ledger.episodes());
    }
}
