package io.fleetdiag.poller.leadership;

import io.fleetdiag.service.ServiceHttp;
import java.util.Map;

/**
 * The poller's probes. The leader polls and the standby waits for the lease; both are live and ready (a
 * standby that the platform restarted would only lose its place), and the body says which one this is, so
 * an operator sees the pair apart. Only a fatal failure (a refused API key) makes it not live.
 */
public final class LeaseProbe {

    private LeaseProbe() {
    }

    public static ServiceHttp.Health health(boolean leading, boolean failed) {
        return new ServiceHttp.Health(!failed, !failed, !failed, Map.of("role", leading ? "leader" : "standby", "leading", leading));
    }
}
