package io.fleetdiag.faults.hostile;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Attacks on a single request (docs/security.md, "Requests that cannot hurt the service"): a missing or
 * made-up credential, a viewer writing, bodies too large or not JSON, a cross-site write and a foreign Host.
 * The processor of the suite knows static tokens only, so of the token attacks those against an OIDC
 * issuer (expired, wrong audience, HS256 keyed with the issuer's public key) are HostileClientIT's; the
 * JWTs here are the ones any bearer check meets: {@code alg: none}, and HS256 keyed with a guess.
 */
final class RequestAttacks {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ADMIN_CLAIMS = "{\"sub\": \"mallory\", \"aud\": \"fleetdiag\", \"exp\": 4102444800, "
            + "\"realm_access\": {\"roles\": [\"fleetdiag-admin\", \"fleetdiag-fleet\"]}}";

    private final Target target;
    private final Callers callers;
    private final Tally tally;

    RequestAttacks(Target target, Callers callers, Tally tally) {
        this.target = target;
        this.callers = callers;
        this.tally = tally;
    }

    private void attempt(String kind, int status, IntPredicate refusal) {
        tally.attempt(kind, refusal.test(status), "answered " + status);
    }

    /** Each bad credential reads the fleet, silences it and acknowledges {@code alertId}: 401 every time. */
    void tokens(String alertId) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("token: none", null);
        tokens.put("token: guessed", "fleetdiag-ops-token-guess");
        tokens.put("token: a real one with its last character changed", nearMiss(callers.operator()));
        tokens.put("token: JWT with alg none (admin claims)", URL.encodeToString("{\"alg\": \"none\", \"typ\": \"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(ADMIN_CLAIMS.getBytes(StandardCharsets.UTF_8)) + ".");
        tokens.put("token: JWT HS256 keyed with a guess (admin claims)", hs256("fleetdiag"));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            attempt(token.getKey(), target.json(token.getValue(), "GET", "/api/terminals", null).statusCode(), status -> status == 401);
            attempt(token.getKey(), target.json(token.getValue(), "POST", "/api/silences", Target.silence(null)).statusCode(), status -> status == 401);
            attempt(token.getKey(), target.json(token.getValue(), "POST", "/api/alerts/" + alertId + "/ack", "{}").statusCode(), status -> status == 401);
        }
        attempt("token: in the URL instead of the header", target.call(null, "GET", "/api/terminals?access_token=" + callers.operator(), null,
                Map.of()).statusCode(), status -> status == 401);
        attempt("viewer: silences the fleet", target.json(callers.viewer(), "POST", "/api/silences", Target.silence(null)).statusCode(),
                status -> status == 403);
        attempt("viewer: acknowledges an alert", target.json(callers.viewer(), "POST", "/api/alerts/" + alertId + "/ack", "{}").statusCode(),
                status -> status == 403);
    }

    private static String nearMiss(String secret) {
        char last = secret.charAt(secret.length() - 1);
        return secret.substring(0, secret.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static String hs256(String key) throws GeneralSecurityException {
        String signed = URL.encodeToString("{\"alg\": \"HS256\", \"typ\": \"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(ADMIN_CLAIMS.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + "." + URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Bodies too large (refused before they are read) or not JSON, all with the operator's token: only the body is wrong. */
    void bodies() throws Exception {
        attempt("body: 700 KB silence announced", target.raw("POST /api/silences HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer "
                + callers.operator() + "\nContent-Type: application/json\nContent-Length: " + 700 * 1024 + "\n\n{\"type\": \"BATTERY_LOW\", \"reason\": \""),
                status -> status == 413);
        byte[] chunked = ("{\"type\": \"BATTERY_LOW\", \"reason\": \"" + "x".repeat(20 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        attempt("body: 20 KB silence, chunked", HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + target.port() + "/api/silences")).header("Authorization", "Bearer " + callers.operator())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), status -> status == 413);
        attempt("body: 700 MB announced to /health", target.raw("POST /health HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
                + "Content-Length: " + 700L * 1024 * 1024 + "\n\n{"), status -> status == 413);
        for (String notJson : new String[] {"not json at all", "{\"type\": \"BATTERY_LOW\", \"until\": ", "[[[[[[[[[[[[[[[[[[[[[[[[", "\u0000\u0001\u00ff"}) {
            attempt("body: not JSON, said to be JSON", target.json(callers.operator(), "POST", "/api/silences", notJson).statusCode(),
                    status -> status == 400);
        }
        attempt("body: not JSON, text/plain", target.call(callers.operator(), "POST", "/api/silences", "type=BATTERY_LOW",
                Map.of("Content-Type", "text/plain")).statusCode(), status -> status == 415);
    }

    /** Writes with the operator's token from a foreign page or through a foreign name: refused for where they come from. */
    void crossSite() throws Exception {
        attempt("cross-site silence (foreign Origin)", target.call(callers.operator(), "POST", "/api/silences", Target.silence(null),
                Map.of("Content-Type", "application/json", "Origin", "http://evil.example")).statusCode(), status -> status == 403);
        attempt("cross-site silence (foreign Origin)", target.call(callers.operator(), "POST", "/api/silences", Target.silence(null),
                Map.of("Content-Type", "application/json", "Origin", "null")).statusCode(), status -> status == 403);
        String body = Target.silence(null);
        attempt("foreign Host (DNS rebinding)", target.raw("POST /api/silences HTTP/1.1\nHost: evil.example:" + target.port()
                + "\nOrigin: http://evil.example:" + target.port() + "\nAuthorization: Bearer " + callers.operator()
                + "\nContent-Type: application/json\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\nConnection: close\n\n" + body),
                status -> status == 421);
        attempt("foreign Host (DNS rebinding)", target.raw("DELETE /api/silences/any HTTP/1.1\nHost: rebind.evil.example\nAuthorization: Bearer "
                + callers.operator() + "\nConnection: close\n\n"), status -> status == 421);
    }
}
