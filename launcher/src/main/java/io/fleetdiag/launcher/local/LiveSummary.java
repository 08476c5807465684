package io.fleetdiag.launcher.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.launcher.client.AlertsCommand;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.simulator.api.SimulatorStats;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import io.fleetdiag.topics.TopicPartitions;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The one-screen view of the local run, redrawn every two seconds: terminals live, checks in flight,
 * results by outcome, active alerts by type, and the newest alerts. Without a terminal (a pipe, CI) it
 * prints one line every ten seconds instead.
 */
final class LiveSummary implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int NEWEST = 8;

    private final LocalStack stack;
    private final PrintStream out;
    private final boolean screen;
    private final String header;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Deque<TerminalAlert> newest = new ArrayDeque<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    LiveSummary(LocalStack stack, PrintStream out, boolean screen, String header) {
        this.stack = stack;
        this.out = out;
        this.screen = screen;
        this.header = header;
        this.thread = new Thread(this::run, "local-summary");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Topic<String, TerminalAlert> topic = TopicCatalog.create(TopicNames.defaults(),
                new SchemaRegistryClient(RegistryClientConfig.of(stack.schemaRegistryUrl()))).alerts();
        try (KafkaConsumer<String, TerminalAlert> alerts = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            TopicPartitions.assignFromBeginning(alerts, List.of(topic.name()));
            long nextDraw = 0;
            while (running.get()) {
                alerts.poll(Duration.ofMillis(200)).forEach(record -> {
                    newest.addFirst(record.value());
                    while (newest.size() > NEWEST) {
                        newest.removeLast();
                    }
                });
                if (System.currentTimeMillis() >= nextDraw) {
                    draw();
                    nextDraw = System.currentTimeMillis() + (screen ? 2_000 : 10_000);
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                out.println("fleetdiag: the summary stopped: " + e.getMessage());
            }
        }
    }

    private void draw() {
        JsonNode fleet = fleet();
        SimulatorStats stats = stack.simulator().stats();
        String live = fleet == null ? "?" : fleet.path("online").asText() + " / " + stack.simulator().fleet().size();
        if (!screen) {
            out.printf("fleetdiag local: %s terminals live, %d checks in flight, results %s, active alerts %s%n", live, stats.inFlight(),
                    fleet == null ? "{}" : fleet.path("resultsByOutcome"), fleet == null ? "{}" : fleet.path("activeAlertsByType"));
            return;
        }
        StringBuilder text = new StringBuilder("\033[H\033[2J").append(header).append("\n\n");
        text.append(String.format("  Terminals live    %s   (offline %s)%n", live, fleet == null ? "?" : fleet.path("offline").asText()));
        text.append(String.format("  Checks in flight  %d   (busy answers, retried later: %d)%n", stats.inFlight(),
                stats.count("diagnosis", "busy") + stats.count("diagnosis", "violation")));
        text.append("  Results           ").append(counts(fleet == null ? null : fleet.path("resultsByOutcome"))).append('\n');
        text.append("  Active alerts     ").append(counts(fleet == null ? null : fleet.path("activeAlertsByType"))).append('\n');
        text.append(String.format("  Stores            %s (degraded %s)%n%n  Newest alerts%n",
                fleet == null ? "?" : fleet.path("stores").asText(), fleet == null ? "?" : fleet.path("degradedStores").asText()));
        for (Iterator<TerminalAlert> it = newest.iterator(); it.hasNext(); ) {
            TerminalAlert alert = it.next();
            text.append(String.format("    %s %-8s %-26s %-8s %s%n", TIME.format(alert.getEventTime()), alert.getStatus(), alert.getType(),
                    AlertsCommand.severity(alert), alert.getSummary()));
        }
        out.print(text);
        out.flush();
    }

    private static String counts(JsonNode counts) {
        if (counts == null || counts.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        counts.fields().forEachRemaining(entry -> text.append(entry.getKey()).append(' ').append(entry.getValue().asText()).append("  "));
        return text.toString().trim();
    }

    private JsonNode fleet() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.httpPort() + "/api/fleet"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
