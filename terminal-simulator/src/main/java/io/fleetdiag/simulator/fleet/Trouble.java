package io.fleetdiag.simulator.fleet;

/**
 * One trouble of one terminal, as a rule of the processor is one alert: its state, how an episode of
 * it ends, what an operator sets of it and what it reports. A terminal holds the troubles its model
 * can have and guards their state with its lock; each trouble's {@code Rates} say how often its
 * episodes start ({@link Episodes}) and how long they last.
 */
abstract class Trouble {

    /** The end of a condition an operator set: it holds until changed again. */
    static final long FOREVER = Long.MAX_VALUE;

    /** Ends the episode that is over at {@code now}, if any; true while one is left to end. */
    boolean advance(long now) {
        return false;
    }

    /** Takes the fields of an operator's change that are this trouble's. */
    abstract void apply(ConditionChange change, long now);

    /** Writes what the terminal reports of this trouble now. */
    abstract void report(Condition.Builder condition, long now);

    /** A Mobile SDK's host diagnosis: it connects to Adyen when {@code hostReachable}, and remembers what it saw. */
    void hostDiagnosis(boolean hostReachable) {
    }

    /** Writes what a Mobile SDK reports of this trouble without connecting: what its last host diagnosis saw. */
    void reportHostView(Condition.Builder condition) {
    }
}
