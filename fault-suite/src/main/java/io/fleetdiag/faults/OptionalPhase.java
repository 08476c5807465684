package io.fleetdiag.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Phases a run plays only when asked ({@code fault-suite/run --with overload,receiver-outage}): each passed
 * its own checks but brought out trouble elsewhere on a loaded 2-core machine (fault-suite/README.md), so
 * CI's smoke run leaves them out until that is understood.
 */
public enum OptionalPhase {
    /** The dispatcher's capacity cut below the demand for half the chaos. */
    OVERLOAD,
    /** The notifier's webhook receiver down, and the notifier SIGKILLed during it. */
    RECEIVER_OUTAGE;

    /** The name on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<OptionalPhase> named(String option) {
        return Arrays.stream(values()).filter(phase -> phase.option().equals(option.trim())).findFirst();
    }
}
