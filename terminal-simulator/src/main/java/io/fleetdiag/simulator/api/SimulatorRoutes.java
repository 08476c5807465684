package io.fleetdiag.simulator.api;

import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every route of the simulator: the paths Adyen serves (both API flavours), its Management API and the
 * admin API. Every Adyen path needs the configured {@code X-API-Key}; a missing or wrong key gets 401 as
 * from Adyen. The Management API ({@code /v3}) checks its own key. None takes the services' bearer token.
 */
public final class SimulatorRoutes {

    private SimulatorRoutes() {
    }

    public static List<Route> of(SimulatedCloud cloud) {
        DiagnosisEndpoint diagnosis = new DiagnosisEndpoint(cloud);
        ConnectedEndpoint connected = new ConnectedEndpoint(cloud);
        ManagementEndpoint management = new ManagementEndpoint(cloud);
        TerminalActionsEndpoint actions = new TerminalActionsEndpoint(cloud);
        List<Route> routes = new ArrayList<>(List.of(
                adyen(cloud, false, "POST", "/connectedTerminals", "Terminal API: the terminals with a live cloud connection",
                        connected::terminalApi),
                adyen(cloud, false, "POST", "/sync", "Terminal API: a Diagnosis request, answered after the latency",
                        exchange -> diagnosis.handle(exchange, null, null)),
                adyen(cloud, true, "GET", "/v1/merchants/{merchantAccount}/connectedDevices", "Cloud device API: the connected devices [store]",
                        exchange -> connected.deviceApiList(exchange, exchange.call().param("merchantAccount"))),
                adyen(cloud, true, "GET", "/v1/merchants/{merchantAccount}/devices/{deviceId}/status", "Cloud device API: ONLINE or OFFLINE",
                        exchange -> connected.deviceApiStatus(exchange, exchange.call().param("merchantAccount"), exchange.call().param("deviceId"))),
                adyen(cloud, true, "POST", "/v1/merchants/{merchantAccount}/devices/{deviceId}/sync", "Cloud device API: a Diagnosis request",
                        exchange -> diagnosis.handle(exchange, exchange.call().param("merchantAccount"), exchange.call().param("deviceId"))),
                Exchange.route("GET", "/v3/terminals", Permission.PUBLIC,
                        "Management API (its own X-API-Key): the inventory, paged (pageNumber, pageSize), filtered (merchantIds, storeIds)",
                        management::handle),
                Exchange.route("GET", "/v3/terminals/{terminalId}/terminalSettings", Permission.PUBLIC,
                        "Management API (its own X-API-Key): a terminal's settings, of which hardware.restartHour", management::settings),
                Exchange.route("POST", "/v3/terminals/scheduleActions", Permission.PUBLIC,
                        "Management API (its own X-API-Key): schedules a ForceReboot for at most 100 terminals; each reboots a second later",
                        exchange -> {
                            if (!management.refused(exchange)) {
                                actions.schedule(exchange);
                            }
                        }),
                Exchange.route("GET", "/v3/companies/{companyId}/terminalActions/{actionId}", Permission.PUBLIC,
                        "Management API (its own X-API-Key): one terminal action, pending until the terminal is back, then successful",
                        exchange -> {
                            if (!management.refused(exchange)) {
                                actions.follow(exchange);
                            }
                        })));
        routes.addAll(new AdminEndpoint(cloud).routes());
        routes.addAll(new InventoryAdmin(cloud).routes());
        return routes;
    }

    /** An Adyen route: answered only with the Terminal API key, else 401 in the shape of its API flavour. */
    private static Route adyen(SimulatedCloud cloud, boolean deviceApi, String method, String path, String doc, Consumer<Exchange> action) {
        return Exchange.route(method, path, Permission.PUBLIC, doc + " (X-API-Key)", exchange -> {
            if (cloud.authorized(exchange.header("X-API-Key"))) {
                action.accept(exchange);
                return;
            }
            cloud.stats().record("unauthorized", exchange.path());
            exchange.json(401, deviceApi
                    ? Answers.deviceApiError(401, "Unauthorized", null)
                    : Answers.terminalApiError(401, "000", "HTTP Status Response - Unauthorized", "security"));
        });
    }
}
