package io.fleetdiag.service.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer; {@code contentType} is sent as it is, charset included. */
public record Reply(int status, String contentType, byte[] bytes, Map<String, String> headers) {

    private static final String UTF_8 = "; charset=utf-8";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public Reply(int status, String contentType, String body) {
        this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Reply json(int status, String body) {
        return new Reply(status, "application/json" + UTF_8, body);
    }

    public static Reply text(int status, String body) {
        return new Reply(status, "text/plain" + UTF_8, body);
    }

    public static Reply error(int status, String message) {
        return json(status, "{\"error\":" + JsonStrings.quote(message) + "}");
    }

    public static Reply redirect(String location) {
        return text(302, "").with("Location", location);
    }

    /** This answer with one more header. */
    public Reply with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Reply(status, contentType, bytes, more);
    }

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
