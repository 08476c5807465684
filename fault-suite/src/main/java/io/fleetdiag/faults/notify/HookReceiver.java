package io.fleetdiag.faults.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook receiver of the suite, on loopback: answers 204 and keeps every notification it took, with
 * the request's webhook-id. {@link #stop} closes its port, so the notifier finds nobody there, as with a
 * receiver that is down; {@link #start} opens the same port again.
 */
public final class HookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final List<WebhookDeliveries.Received> received = new ArrayList<>();
    private HttpServer server;

    private HookReceiver(int port) {
        this.port = port;
    }

    public static HookReceiver start(int port) throws IOException {
        HookReceiver receiver = new HookReceiver(port);
        receiver.start();
        return receiver;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                synchronized (this) {
                    for (JsonNode notification : body.path("notifications")) {
                        received.add(new WebhookDeliveries.Received(webhookId, notification.path("idempotencyKey").asText(),
                                notification.path("alertId").asText(), notification.path("status").asText()));
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/fleetdiag";
    }

    public synchronized List<WebhookDeliveries.Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        stop();
    }
}
