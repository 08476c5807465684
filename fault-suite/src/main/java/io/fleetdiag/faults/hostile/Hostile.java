package io.fleetdiag.faults.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.faults.inject.Fault;
import io.fleetdiag.faults.inject.Step;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.testsupport.harness.Waits;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hostile clients against the processor's API once the chaos is over (docs/security.md's threat model, as
 * HostileClientIT plays it on one processor with an OIDC issuer): bad tokens, a viewer writing, bodies too large or
 * not JSON, cross-site and DNS-rebinding writes, event streams beyond the caps, a store manager reaching past their
 * merchant account. Every attempt must be refused, and afterwards no silence or acknowledgement exists that was not
 * there before and the processor still answers; the other faults' checks, counted after, still hold.
 */
public final class Hostile implements Fault {

    private final Fleetdiag services;
    private final Callers callers;
    private final List<String> merchantAccounts;
    private final PrintStream progress;
    private final Tally tally = new Tally();
    private final Target target;
    private long silencesBefore;
    private long acknowledgedBefore;
    private double seconds;
    private String failure;

    public Hostile(Fleetdiag services, Callers callers, List<String> merchantAccounts, PrintStream progress) {
        this.services = services;
        this.callers = callers;
        this.merchantAccounts = List.copyOf(merchantAccounts);
        this.progress = progress;
        this.target = new Target(URI.create(services.processor().url("/")).getPort());
    }

    @Override
    public List<Step> steps() {
        return List.of();
    }

    /** The attacks, once every service runs again: a processor restoring its state after a SIGKILL would refuse for the wrong reason. */
    @Override
    public void settle() {
        long started = System.nanoTime();
        try {
            Waits.until("the processor to run again for the hostile clients", Duration.ofMinutes(3), Duration.ofMillis(250),
                    services::processorRunning);
            silencesBefore = silences();
            acknowledgedBefore = acknowledged();
            JsonNode alerts = target.read(callers.operator(), "/api/alerts?active=true&size=500").path("items");
            String own = "no-such-alert";
            String foreign = null;
            for (JsonNode alert : alerts) {
                if (alert.path("merchantAccount").asText().equals(callers.account())) {
                    own = alert.path("alertId").asText();
                } else if (!alert.path("merchantAccount").asText().isEmpty()) {
                    foreign = alert.path("alertId").asText();
                }
            }
            String other = merchantAccounts.stream().filter(account -> !account.equals(callers.account())).findFirst().orElse("NoSuchAccount");
            RequestAttacks requests = new RequestAttacks(target, callers, tally);
            requests.tokens(own);
            requests.bodies();
            requests.crossSite();
            ReachAttacks reach = new ReachAttacks(target, callers, tally);
            reach.streamFlood();
            reach.scopeEscapes(other, foreign);
        } catch (Exception stopped) {
            failure = stopped.toString();
            progress.println("the hostile clients stopped: " + failure);
        }
        seconds = (System.nanoTime() - started) / 1e9;
        progress.printf(Locale.ROOT, "hostile clients: %d of %d attempts refused in %.1f s%n", tally.refused(), tally.tried(), seconds);
        tally.notRefused().forEach(what -> progress.println("  not refused: " + what));
    }

    private long silences() throws Exception {
        return target.read(callers.operator(), "/api/silences?all=true").path("total").asLong();
    }

    private long acknowledged() throws Exception {
        long count = 0;
        for (JsonNode alert : target.read(callers.operator(), "/api/alerts?active=true&size=500").path("items")) {
            JsonNode by = alert.path("acknowledgedBy");
            count += by.isMissingNode() || by.isNull() ? 0 : 1;
        }
        return count;
    }

    @Override
    public List<Verdict.Check> checks() throws Exception {
        boolean serves = services.processorRunning() && target.json(callers.operator(), "GET", "/api/terminals?size=1", null).statusCode() == 200;
        List<Verdict.Check> checks = new ArrayList<>();
        checks.add(new Verdict.Check("hostile: attack runs that stopped on an error", failure == null ? 0 : 1, 0));
        checks.add(new Verdict.Check("hostile: attempts not refused", tally.tried() - tally.refused(), 0));
        checks.add(new Verdict.Check("hostile: silences made", serves ? silences() - silencesBefore : -1, 0));
        checks.add(new Verdict.Check("hostile: alerts acknowledged", serves ? Math.max(0, acknowledged() - acknowledgedBefore) : -1, 0));
        checks.add(new Verdict.Check("hostile: processor serves after the attacks", serves ? 1 : 0, 1));
        return checks;
    }

    @Override
    public void count(Map<String, Object> counts) {
        Map<String, Tally.Kind> kinds = tally.kinds();
        for (String kind : tally.names()) {
            counts.put("hostile: " + kind + " (refused of tried)", kinds.get(kind).refused() + " of " + kinds.get(kind).tried());
        }
        counts.put("hostile: attempts tried", tally.tried());
        counts.put("hostile: attempts refused", tally.refused());
        counts.put("hostile: seconds", Math.round(seconds * 10) / 10.0);
    }
}
