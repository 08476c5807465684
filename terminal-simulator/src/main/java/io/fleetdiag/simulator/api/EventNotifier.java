package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.fleet.Notice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the terminals' event notifications as Adyen's terminals do: a {@code SaleToPOIRequest} with an
 * {@code EventNotification}, POSTed to the event URL with its basic-auth credentials. A notification not answered 200 is sent
 * again with backoff (at most {@link RetryingSender#ATTEMPTS} times), and a share of them ({@code resendShare}) is sent
 * {@code resends} more times anyway, as terminals resend: the receiver has to deduplicate (the fault suite's flood resends every one 10 times). Never blocks the terminal that notices: sending is on the scheduler.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final String authorization;
    private final double resendShare;
    private final int resends;
    private final RetryingSender sender;
    private final SplittableRandom random;
    private final AtomicLong serviceIds = new AtomicLong(System.nanoTime() % 1_000_000_000L);

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
        // the event URL answers 200 to a notification it took; any other answer is not one
        this.sender = new RetryingSender(target.url(), status -> status == 200, scheduler);
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
        sender.send(body, "Authorization", authorization);
        for (int copy = 1; resend && copy <= resends; copy++) {
            sender.sendAfter(200L * copy, body, "Authorization", authorization);
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

    /** Notifications answered 200, resends included. */
    public long delivered() {
        return sender.delivered();
    }

    /** Notifications given up on: refused (4xx) or unanswered after every attempt. */
    public long failed() {
        return sender.failed();
    }

    /** The last answer that was not 200, for the admin API. */
    public String lastRefusal() {
        return sender.lastRefusal();
    }
}
