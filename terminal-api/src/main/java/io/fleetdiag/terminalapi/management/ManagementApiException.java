package io.fleetdiag.terminalapi.management;

/**
 * A Management API call that gave no usable page. {@code status} is the HTTP status, 0 when none came;
 * {@link #refusedKey()} (401, 403) will not heal by retrying, the others may.
 */
public final class ManagementApiException extends Exception {

    private final int status;

    public ManagementApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean refusedKey() {
        return status == 401 || status == 403;
    }
}
