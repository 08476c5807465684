package io.fleetdiag.service;

import io.fleetdiag.service.access.AccessSettings;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.HttpPolicy;
import io.fleetdiag.service.http.RequestGuard;
import io.fleetdiag.service.http.SecurityHeaders;
import io.fleetdiag.service.http.StreamCaps;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code GET /health} (200 while the service is up, 503 otherwise, with details) and
 * {@code GET /metrics} (Prometheus, with the JVM's memory, GC, threads and CPU) for a service, plus any routes it adds. Settings: {@code http.host}
 * (loopback by default), {@code http.port}, who may call ({@link AccessSettings}: OIDC access tokens, static tokens such as
 * {@code FLEETDIAG_HTTP_TOKEN}; closed by default off loopback) and TLS ({@link HttpTls}).
 */
public final class ServiceHttp {

    public static final String TOKEN_ENV = AccessSettings.TOKEN_ENV;
    public static final String ALLOWED_HOSTS = "http.allowed-hosts";
    public static final String EVENTS_MAX = "http.events.max-clients";
    public static final String EVENTS_MAX_PER_CALLER = "http.events.max-per-caller";
    /**
     * Loopback unless a deployment opens it up (containers set 0.0.0.0), then with identity required; each
     * service defines its own {@code http.port}.
     */
    public static final SettingsDefinition DEFINITION = HttpTls.declare(AccessSettings.declare(SettingsDefinition.named("HTTP: health, metrics, identity and TLS")
            .define("http.host", SettingType.STRING, "127.0.0.1", "interface of `/health` and `/metrics` (and the service's own routes)")
            .define(ALLOWED_HOSTS, SettingType.LIST, "",
                    "host names clients reach the service by, besides `localhost` and IP addresses: a POST, PUT or DELETE through "
                            + "any other `Host` is refused (421, against DNS rebinding); `*` allows any")
            .define(EVENTS_MAX, SettingType.INT, String.valueOf(StreamCaps.DEFAULT_MAX), SettingCheck.atLeast(1),
                    "event streams (`/events`) open at once on this instance; beyond it 503")
            .define(EVENTS_MAX_PER_CALLER, SettingType.INT, String.valueOf(StreamCaps.DEFAULT_MAX_PER_CALLER), SettingCheck.atLeast(1),
                    "event streams open at once for one caller subject; beyond it 429")));
    public static final Map<String, String> DEFAULTS = DEFINITION.defaults();

    /** For the {@code http.port} each service defines with its own default. */
    public static final SettingCheck PORT_CHECK = SettingCheck.between(0, 65_535);
    public static final String PORT_DOC = "port of `/health`, `/metrics` and the service's own routes; 0 picks a free one";

    /**
     * What the health routes report. {@code up} is {@code /health}'s answer, kept as it was; {@code live} is
     * {@code /health/live} (the process can go on: a restart would not help) and {@code ready} is
     * {@code /health/ready} (it serves and keeps up: send it traffic).
     */
    public record Health(boolean up, boolean live, boolean ready, Map<String, Object> details) {

        public Health {
            details = Map.copyOf(details);
        }
    }

    private ServiceHttp() {
    }

    /** The service's own routes are answered beside {@code /health} and {@code /metrics}. */
    public static HttpEndpoint start(ServiceConfig config, Map<String, String> environment, PrometheusMeterRegistry metrics,
                                     Supplier<Health> health, List<Route> extra) throws Exception {
        return start(config, AccessSettings.authenticator(config, environment), metrics, health, extra);
    }

    /** The same, with callers named by {@code authenticator}. */
    public static HttpEndpoint start(ServiceConfig config, Authenticator authenticator, PrometheusMeterRegistry metrics,
                                     Supplier<Health> health, List<Route> extra) throws Exception {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        return HttpEndpoint.start(config.get("http.host"), config.intValue("http.port"), HttpTls.from(config),
                authenticator, policy(config), Stream.concat(routes(metrics, health).stream(), extra.stream()).toList());
    }

    /**
     * The request policy the settings describe: the allowed hosts (and {@code http.host} when it is a name), pages
     * that may call the OIDC issuer besides the service, and the event stream caps.
     */
    public static HttpPolicy policy(ServiceConfig config) {
        Set<String> hosts = new HashSet<>(config.list(ALLOWED_HOSTS));
        hosts.add(config.get("http.host"));
        Optional<URI> issuer = config.find("http.oidc.issuer").filter(value -> !value.isBlank()).map(URI::create);
        return new HttpPolicy(new RequestGuard(hosts), SecurityHeaders.withIssuer(issuer),
                config.intValue(EVENTS_MAX), config.intValue(EVENTS_MAX_PER_CALLER));
    }

    private static Reply probe(Health now, Predicate<Health> passes, String yes, String no) {
        boolean passed = passes.test(now);
        Map<String, Object> body = new HashMap<>(now.details());
        body.put("status", passed ? yes : no);
        return Reply.json(passed ? 200 : 503, Json.write(body));
    }

    /** {@code /health}, its probes {@code /health/live} and {@code /health/ready}, and {@code /metrics}, as every service answers them. */
    public static List<Route> routes(PrometheusMeterRegistry metrics, Supplier<Health> health) {
        return List.of(
                Route.get("/health", Permission.PUBLIC, "200 while the service is up, 503 otherwise, with details",
                        call -> probe(health.get(), Health::up, "UP", "DOWN")),
                Route.get("/health/live", Permission.PUBLIC, "liveness probe: 200 while the process can go on (restoring state included), 503 when only a restart helps",
                        call -> probe(health.get(), Health::live, "LIVE", "DEAD")),
                Route.get("/health/ready", Permission.PUBLIC, "readiness probe: 200 while the service serves and keeps up, 503 otherwise, with the reason",
                        call -> probe(health.get(), Health::ready, "READY", "NOT_READY")),
                Route.get("/metrics", Permission.READ, "Prometheus metrics, the JVM's included",
                        call -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
    }
}
