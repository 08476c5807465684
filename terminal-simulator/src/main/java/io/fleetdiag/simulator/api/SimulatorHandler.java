package io.fleetdiag.simulator.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the paths Adyen serves (both API flavours) and the admin API. Every Adyen path needs the
 * configured {@code X-API-Key}; a missing or wrong key gets 401 as from Adyen. The Management API
 * ({@code /v3}) checks its own key.
 */
public final class SimulatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);
    private static final Pattern DEVICE_API = Pattern.compile(
            "/v1/merchants/([^/]+)/(connectedDevices|devices/([^/]+)/(sync|status))");

    private final SimulatedCloud cloud;
    private final DiagnosisEndpoint diagnosis;
    private final ConnectedEndpoint connected;
    private final AdminEndpoint admin;
    private final ManagementEndpoint management;

    public SimulatorHandler(SimulatedCloud cloud) {
        this.cloud = cloud;
        this.diagnosis = new DiagnosisEndpoint(cloud);
        this.connected = new ConnectedEndpoint(cloud);
        this.admin = new AdminEndpoint(cloud);
        this.management = new ManagementEndpoint(cloud);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        String path = exchange.path();
        String method = exchange.method();
        try {
            if (path.startsWith("/admin/")) {
                admin.handle(exchange);
                return true;
            }
            if (path.startsWith("/v3/")) {
                management.handle(exchange);
                return true;
            }
            Matcher device = DEVICE_API.matcher(path);
            boolean deviceApi = device.matches();
            if (!cloud.authorized(exchange.header("X-API-Key"))) {
                cloud.stats().record("unauthorized", path);
                exchange.json(401, deviceApi
                        ? Answers.deviceApiError(401, "Unauthorized", null)
                        : Answers.terminalApiError(401, "000", "HTTP Status Response - Unauthorized", "security"));
                return true;
            }
            if (path.equals("/connectedTerminals") && method.equals("POST")) {
                connected.terminalApi(exchange);
            } else if (path.equals("/sync") && method.equals("POST")) {
                diagnosis.handle(exchange, null, null);
            } else if (deviceApi && device.group(2).equals("connectedDevices") && method.equals("GET")) {
                connected.deviceApiList(exchange, device.group(1));
            } else if (deviceApi && "status".equals(device.group(4)) && method.equals("GET")) {
                connected.deviceApiStatus(exchange, device.group(1), device.group(3));
            } else if (deviceApi && "sync".equals(device.group(4)) && method.equals("POST")) {
                diagnosis.handle(exchange, device.group(1), device.group(3));
            } else {
                exchange.json(404, Answers.terminalApiError(404, "000", "No such endpoint: " + method + " " + path, "validation"));
            }
        } catch (RuntimeException e) {
            LOG.error("Simulator failed on {} {}", method, path, e);
            exchange.json(500, Answers.terminalApiError(500, "905", "Simulator error: " + e.getMessage(), "internal"));
        }
        return true;
    }
}
