package io.fleetdiag.notifier.receivers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs a JSON body and maps the answer to success or a {@link DeliveryFailure}, retriable or not, with any Retry-After. */
public final class HttpPost {

    private final HttpClient client;
    private final Duration timeout;

    public HttpPost(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    public void post(URI url, String body, Map<String, String> headers) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailure("no answer from " + hostOf(url) + ": " + e, true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling " + hostOf(url), true, null, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean retriable = status == 408 || status == 429 || status >= 500;
        String answer = response.body().length() > 300 ? response.body().substring(0, 300) + "..." : response.body();
        throw new DeliveryFailure(hostOf(url) + " answered " + status + ": " + answer.strip(), retriable,
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
    }

    /** Host and path only: a URL may carry a token in its query, which must not reach a log or a dead letter. */
    static String hostOf(URI url) {
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null ? "" : url.getPath());
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
