package io.fleetdiag.service.http;

/** An HTTP answer. */
public record Reply(int status, String contentType, String body) {

    public static Reply json(int status, String body) {
        return new Reply(status, "application/json", body);
    }

    public static Reply text(int status, String body) {
        return new Reply(status, "text/plain", body);
    }

    public static Reply error(int status, String message) {
        return json(status, "{\"error\":" + JsonStrings.quote(message) + "}");
    }
}
