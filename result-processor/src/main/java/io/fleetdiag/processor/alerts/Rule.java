package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One alert rule over a terminal's state. */
public interface Rule {

    AlertType type();

    /**
     * The condition if it holds at {@code now}. {@code active} says whether the alert is raised already,
     * so a rule on a number can resolve at a different value than it raises at (hysteresis).
     */
    Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now);

    /** The values this rule looks at, for the RESOLVED record. */
    Map<String, String> evidence(TerminalState state, Instant now);

    /** When the rule could change its mind with no new input, for rules on the wall clock. */
    default Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return Optional.empty();
    }
}
