package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.report.Verdict;
import java.util.List;
import java.util.Map;

/**
 * One kind of trouble the suite makes: its moments in the chaos and the checks that show the system
 * came through it. A run begins every fault, plays their steps, ends them, lets the system settle until
 * every fault says it settled, and reports their checks and counts in the order of its list.
 */
public interface Fault {

    /** Its moments in the chaos, asked for once it began. */
    List<Step> steps();

    /** Right before the chaos, whose start is known only now. */
    default void begin() throws Exception {
    }

    /** Once the chaos is over: set right what it left broken, before the checks' cutoff. */
    default void end() throws Exception {
    }

    /** After the cutoff: what helps the system settle. */
    default void settle() throws Exception {
    }

    /** Whether the system came to rest after it; the run waits for every fault, up to a limit. */
    default boolean settled() {
        return true;
    }

    /** What must hold once the system settled. */
    List<Verdict.Check> checks() throws Exception;

    /** What happened, for the report. */
    default void count(Map<String, Object> counts) {
    }
}
