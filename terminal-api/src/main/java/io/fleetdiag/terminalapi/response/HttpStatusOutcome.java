package io.fleetdiag.terminalapi.response;

import io.fleetdiag.terminalapi.CallOutcome;

/** What an HTTP status alone says about a call; SUCCESS means "read the body". */
public final class HttpStatusOutcome {

    private static final int SNIPPET = 200;

    private HttpStatusOutcome() {
    }

    public static CallOutcome of(int status) {
        if (status >= 200 && status < 300) {
            return CallOutcome.SUCCESS;
        }
        if (status == 401 || status == 403) {
            return CallOutcome.UNAUTHORIZED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return CallOutcome.RETRY_LATER;
        }
        return CallOutcome.REJECTED;
    }

    public static String describe(int status, String body) {
        String reason = switch (status) {
            case 401 -> "Adyen refused the API key: it is wrong, or not a key of this environment (test or live)";
            case 403 -> "the API key lacks the role for this call, or the resource belongs to another account";
            case 404 -> "not found";
            case 429 -> "too many requests";
            default -> status >= 500 ? "server error" : "refused";
        };
        String snippet = body == null ? "" : body.strip();
        if (snippet.length() > SNIPPET) {
            snippet = snippet.substring(0, SNIPPET) + "...";
        }
        return "HTTP " + status + ": " + reason + (snippet.isEmpty() ? "" : " (" + snippet.replace('\n', ' ') + ")");
    }
}
