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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The one-screen view of the local run, redrawn in place every two seconds: terminals live, checks in
 * flight, results by outcome, active alerts by type, and the newest alerts. Without a terminal (a pipe,
 * CI) it prints one line every ten seconds instead ({@link SummaryView}).
 */
final class LiveSummary implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NEWEST = 8;

    private final LocalStack stack;
    private final PrintStream out;
    private final SummaryView view;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Deque<TerminalAlert> newest = new ArrayDeque<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** @param view the screen to redraw, or null for one line per update */
    LiveSummary(LocalStack stack, PrintStream out, SummaryView view) {
        this.stack = stack;
        this.out = out;
        this.view = view;
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
                    nextDraw = System.currentTimeMillis() + (view != null ? 2_000 : 10_000);
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
        SummaryView.Figures figures = new SummaryView.Figures(number(fleet, "online"), stack.simulator().fleet().size(), number(fleet, "offline"),
                stats.inFlight(), stats.count("diagnosis", "busy") + stats.count("diagnosis", "violation"), counts(fleet, "resultsByOutcome"),
                counts(fleet, "activeAlertsByType"), number(fleet, "stores"), number(fleet, "degradedStores"),
                newest.stream().map(alert -> new SummaryView.Alert(alert.getEventTime(), alert.getStatus().name(), alert.getType().name(),
                        AlertsCommand.severity(alert), alert.getSummary())).toList());
        out.print(view == null ? SummaryView.line(figures) : view.screen(figures));
        out.flush();
    }

    private static Long number(JsonNode fleet, String field) {
        return fleet == null || !fleet.has(field) ? null : fleet.path(field).asLong();
    }

    private static Map<String, Long> counts(JsonNode fleet, String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (fleet != null) {
            fleet.path(field).fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        }
        return counts;
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
