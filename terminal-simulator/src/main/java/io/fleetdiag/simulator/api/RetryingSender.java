package io.fleetdiag.simulator.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * POSTs JSON to one URL as Adyen's senders do, on the scheduler so that the caller never waits: an answer {@code delivers}
 * accepts is delivered; a 5xx, 429 or no answer is sent again with backoff (at most {@link #ATTEMPTS} times); anything else
 * is given up. Keeps the counts and the last refusal for the admin API.
 */
final class RetryingSender {

    static final int ATTEMPTS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI url;
    private final IntPredicate delivers;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    /** @param delivers which status codes count as delivered (the receivers' contracts differ: 200 only, or any 2xx) */
    RetryingSender(URI url, IntPredicate delivers, ScheduledExecutorService scheduler) {
        this.url = Objects.requireNonNull(url, "url");
        this.delivers = Objects.requireNonNull(delivers, "delivers");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Sends {@code body} with the header {@code name: value} (its credentials or signature) as soon as the scheduler can. */
    void send(String body, String name, String value) {
        scheduler.execute(() -> attempt(body, name, value, 1));
    }

    /** The same, {@code delayMillis} from now. */
    void sendAfter(long delayMillis, String body, String name, String value) {
        scheduler.schedule(() -> attempt(body, name, value, 1), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void attempt(String body, String name, String value, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header(name, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && delivers.test(response.statusCode())) {
                delivered.incrementAndGet();
                return;
            }
            lastRefusal.set(error != null ? error.toString() : response.statusCode() + " " + response.body());
            if (attempt < ATTEMPTS && (error != null || response.statusCode() >= 500 || response.statusCode() == 429)) {
                scheduler.schedule(() -> attempt(body, name, value, attempt + 1), 500L << attempt, TimeUnit.MILLISECONDS);
            } else {
                failed.incrementAndGet();
            }
        });
    }

    long delivered() {
        return delivered.get();
    }

    /** Given up on: refused or unanswered after every attempt. */
    long failed() {
        return failed.get();
    }

    /** The last answer not delivered, or the error of none. */
    String lastRefusal() {
        return lastRefusal.get();
    }
}
