package io.fleetdiag.processor.api;

/**
 * Why a query has no answer. The queries know nothing of HTTP; {@link Failures} gives each kind its
 * status, in one place. A message is shown to the caller: it names what was asked, never an exception
 * class or another instance's address.
 */
public abstract sealed class QueryException extends Exception {

    private QueryException(String message) {
        super(message);
    }

    /** The question itself is wrong: a bad parameter or body. */
    public static final class BadRequest extends QueryException {
        public BadRequest(String message) {
            super(message);
        }
    }

    /**
     * The caller may not do this to something they may see: e.g. silence beyond their scope. Something
     * out of their scope altogether is {@link NotFound}, as if it did not exist.
     */
    public static final class Forbidden extends QueryException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** Nothing has that key (or nothing the caller's scope lets them see). */
    public static final class NotFound extends QueryException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request contradicts the state: e.g. acknowledging a resolved alert. */
    public static final class Conflict extends QueryException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** Not answerable now (rebalancing, restoring, an instance or the broker not answering): ask again. */
    public static final class Unavailable extends QueryException {
        public static final String REBALANCING = "The processor is rebalancing or restoring its state; ask again in a moment";

        public Unavailable(String message) {
            super(message);
        }

        public static Unavailable rebalancing() {
            return new Unavailable(REBALANCING);
        }
    }
}
