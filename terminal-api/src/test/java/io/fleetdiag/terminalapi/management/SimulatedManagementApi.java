package io.fleetdiag.terminalapi.management;

import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.terminalapi.ApiKey;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator's Management API over real HTTP for a test class ({@code @RegisterExtension static}): a fleet of 230
 * terminals, started once before the class and closed after it, with a Management API key and a Terminal API key (which
 * the Management API refuses for lack of its roles).
 */
final class SimulatedManagementApi implements BeforeAllCallback, AfterAllCallback {

    static final String MANAGEMENT_KEY = "management-key";
    static final String TERMINAL_KEY = "terminal-key";
    private static final int TERMINALS = 230;

    private TerminalSimulator simulator;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(TERMINAL_KEY).withTerminals(TERMINALS).withReferenceTerminals(false)
                .withManagementApiKey(MANAGEMENT_KEY));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        simulator.close();
    }

    TerminalSimulator simulator() {
        return simulator;
    }

    /** The simulator's Management API, reached with {@code key}. */
    ManagementApiConfig config(String key) {
        return new ManagementApiConfig(URI.create(simulator.baseUrl() + "/v3"), ApiKey.of(key), ManagementApiConfig.DEFAULT_REQUEST_TIMEOUT,
                true, null);
    }
}
