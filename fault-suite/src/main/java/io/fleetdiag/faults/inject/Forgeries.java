package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.harness.Waits;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Forged Management webhooks: a {@code terminalAssignment.completed} that would move one terminal to {@link #STORE}, sent in
 * turn signed with another key, unsigned, with a signature that is not base64, and with the right key's signature of another
 * body (a replay with the body changed). The poller must answer each with 401 and count it.
 */
final class Forgeries {

    static final String STORE = "ST-FORGED";
    private static final Duration POLLER_UP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI url;
    private final Terminal target;
    private final int count;
    private int sent;
    private int refused;

    Forgeries(URI url, Terminal target, int count) {
        this.url = url;
        this.target = target;
        this.count = count;
    }

    Terminal target() {
        return target;
    }

    synchronized long sent() {
        return sent;
    }

    /** Forgeries answered 401. */
    synchronized long refused() {
        return refused;
    }

    /** Sends them all, waiting out a poller that is still starting. */
    synchronized void send() throws Exception {
        String otherKey = "00" + Fleetdiag.WEBHOOKS_HMAC_KEY.substring(2);
        for (int i = 0; i < count; i++) {
            String body = """
                    {"uniqueTerminalId":"%s","pspReference":"FORGED%d","eventDate":"%s","assignedToAccount":"%s",\
                    "assignedToStoreId":"%s"}""".formatted(target.poiid(), i, Instant.now(), target.merchantAccount(), STORE);
            String signature = switch (i % 4) {
                case 0 -> sign(otherKey, body);
                case 1 -> null;
                case 2 -> "not base64!";
                default -> sign(Fleetdiag.WEBHOOKS_HMAC_KEY, body.replace(STORE, "ST-SIGNED"));
            };
            if (post(body, signature) == 401) {
                refused++;
            }
            sent++;
        }
    }

    private int post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("HmacSignature", signature);
        }
        int[] status = new int[1];
        Waits.until("the poller's events listener to answer", POLLER_UP, Duration.ofMillis(500), () -> {
            try {
                status[0] = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                return true;
            } catch (ConnectException notListening) {
                return false;
            }
        });
        return status[0];
    }

    static String sign(String hexKey, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
