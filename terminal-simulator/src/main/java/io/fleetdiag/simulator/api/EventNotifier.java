package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.fleet.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the terminals' event notifications as Adyen's terminals do: a {@code SaleToPOIRequest} with an
 * {@code EventNotification}, POSTed to the event URL with its basic-auth credentials. A notification not answered 200 is sent
 * again with backoff (at most {@link #ATTEMPTS} times), and a share of them ({@code resendShare}) is sent {@code resends} more
 * times anyway, as terminals resend: the receiver has to deduplicate (the fault suite's flood resends every one 10 times). Never blocks the terminal that notices: sending is on the scheduler.
 */
public final class EventNotifier implements Notice.Sink {

    /** Where to send, and the credentials of the event URL. */
    public record Target(URI url, String username, String password) {
        public Target {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Target[url=" + url + ", username=" + username + "]";
        }
    }

    static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Target target;
    private final String authorization;
    private final double resendShare;
    private final int resends;
    private final ScheduledExecutorService scheduler;
    private final SplittableRandom random;
    private final AtomicLong serviceIds = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    public EventNotifier(Target target, double resendShare, int resends, ScheduledExecutorService scheduler, long seed) {
        if (resendShare < 0 || resendShare > 1) {
            throw new IllegalArgumentException("resendShare must be 0 to 1: " + resendShare);
        }
        if (resends < 1 || resends > 100) {
            throw new IllegalArgumentException("resends must be 1 to 100: " + resends);
        }
        this.resends = resends;
        this.target = target;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (target.username() + ":" + target.password()).getBytes(StandardCharsets.UTF_8));
        this.resendShare = resendShare;
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
    }

    public Target target() {
        return target;
    }

    @Override
    public void notice(Notice notice) {
        String body = body(notice);
        boolean resend;
        synchronized (random) {
            resend = random.nextDouble() < resendShare;
        }
        scheduler.execute(() -> send(body, 1));
        for (int copy = 1; resend && copy <= resends; copy++) {
            scheduler.schedule(() -> send(body, 1), 200L * copy, TimeUnit.MILLISECONDS);
        }
    }

    /** The notification in Adyen's shape (TerminalAPI-v1: SaleToPOIRequest.MessageHeader and EventNotification). */
    String body(Notice notice) {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode header = request.putObject("SaleToPOIRequest").putObject("MessageHeader");
        header.put("ProtocolVersion", "3.0").put("MessageClass", "Event").put("MessageCategory", "Event").put("MessageType", "Notification")
                .put("DeviceID", Long.toString(serviceIds.incrementAndGet() % 10_000_000_000L)).put("SaleID", "fleetdiag")
                .put("POIID", notice.poiid());
        ObjectNode event = ((ObjectNode) request.get("SaleToPOIRequest")).putObject("EventNotification");
        event.put("EventToNotify", notice.eventToNotify());
        if (notice.eventDetails() != null) {
            event.put("EventDetails", notice.eventDetails());
        }
        event.put("TimeStamp", Instant.ofEpochMilli(notice.at()).toString());
        event.put("MaintenanceRequiredFlag", notice.maintenanceRequired());
        return request.toString();
    }

    private void send(String body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                delivered.incrementAndGet();
                return;
            }
            lastRefusal.set(error != null ? error.toString() : response.statusCode() + " " + response.body());
            if (attempt < ATTEMPTS && (error != null || response.statusCode() >= 500 || response.statusCode() == 429)) {
                scheduler.schedule(() -> send(body, attempt + 1), 500L << attempt, TimeUnit.MILLISECONDS);
            } else {
                failed.incrementAndGet();
            }
        });
    }

    /** Notifications answered 200, resends included. */
    public long delivered() {
        return delivered.get();
    }

    /** Notifications given up on: refused (4xx) or unanswered after every attempt. */
    public long failed() {
        return failed.get();
    }

    /** The last answer that was not 200, for the admin API. */
    public String lastRefusal() {
        return lastRefusal.get();
    }
}
