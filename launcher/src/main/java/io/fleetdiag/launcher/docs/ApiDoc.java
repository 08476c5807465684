package io.fleetdiag.launcher.docs;

import io.fleetdiag.poller.events.TerminalEventsEndpoint;
import io.fleetdiag.poller.webhooks.ManagementWebhooksEndpoint;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.processor.api.AlertOperationsApi;
import io.fleetdiag.processor.api.CheckRequestsApi;
import io.fleetdiag.processor.api.RebootApi;
import io.fleetdiag.processor.api.ProcessorQueries;
import io.fleetdiag.processor.signin.DashboardSignIn;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.simulator.api.SimulatorRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The REST tables of docs/dashboard.md, docs/alert-operations.md, docs/design.md (the poller's terminal-events
 * listener) and terminal-simulator/README.md, made
 * from the route tables the services answer (method, path, permission, the route's line of doc), in the
 * document's {@code <!-- generated: NAME -->} sections. {@code ApiDocTest} fails when a file and the code
 * differ. The routes are declared here without running anything: no handler is called.
 */
public final class ApiDoc {

    public static final Path DASHBOARD = Path.of("docs", "dashboard.md");
    public static final Path ALERT_OPERATIONS = Path.of("docs", "alert-operations.md");
    public static final Path SIMULATOR = Path.of("terminal-simulator", "README.md");
    public static final Path DESIGN = Path.of("docs", "design.md");

    private ApiDoc() {
    }

    /** Each document's generated sections by name. */
    public static Map<Path, Map<String, String>> documents() {
        AlertOperationsApi operations = new AlertOperationsApi(null, null, null, null, null, null);
        List<Route> processor = new ArrayList<>(ServiceHttp.routes(null, null));
        processor.addAll(ProcessorService.routes(new ProcessorQueries(() -> null, () -> null, Optional.empty(), null), operations,
                new CheckRequestsApi(null, null, null, null), new RebootApi(null, null, Optional.empty(), null, null, null, null), (call, stream) -> { }, new DashboardSignIn(Optional.empty())));
        Map<Path, Map<String, String>> documents = new LinkedHashMap<>();
        documents.put(DASHBOARD, Map.of("result-processor-routes", table(processor)));
        documents.put(ALERT_OPERATIONS, Map.of("alert-operations-routes", table(operations.routes())));
        documents.put(SIMULATOR, Map.of("simulator-routes", table(SimulatorRoutes.of(null))));
        List<Route> poller = new ArrayList<>(TerminalEventsEndpoint.routes(call -> null));
        poller.addAll(ManagementWebhooksEndpoint.routes(call -> null));
        documents.put(DESIGN, Map.of("poller-routes", table(poller)));
        return documents;
    }

    /** A markdown table of {@code routes}, in the order they are declared. */
    static String table(List<Route> routes) {
        return Stream.concat(Stream.of("| method | path | permission | what |", "|---|---|---|---|"),
                routes.stream().map(route -> "| " + route.method() + " | `" + route.path() + "` | " + route.permission().grant()
                        + " | " + route.doc().replace("|", "\\|") + " |")).reduce("", (all, line) -> all + line + "\n");
    }

    /** {@code document} (the text of {@code file}) with its generated sections made anew. */
    public static String render(Path file, String document) {
        return GeneratedSections.render(file.toString(), document, documents().get(file));
    }

    /** Rewrites every document's generated sections, from the repository's root: {@code java -cp ... io.fleetdiag.launcher.docs.ApiDoc}. */
    public static void main(String[] args) throws IOException {
        for (Path file : documents().keySet()) {
            Files.writeString(file, render(file, Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }
}
