package io.fleetdiag.testsupport.oidc;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real OIDC provider for tests: Keycloak ({@code kc.sh start-dev}, in-memory database) on free loopback ports,
 * with the realm {@value #REALM} imported from {@code keycloak/fleetdiag-realm.json} on this class path. Started
 * once per test JVM by {@link KeycloakExtension} and stopped when the run ends (or, at the latest, when the JVM exits);
 * its output goes to {@code target/keycloak-<port>.log}.
 *
 * <p>The realm: the public client {@value #DASHBOARD_CLIENT} (authorization code with PKCE S256, redirect URIs
 * {@code http://127.0.0.1:*} and {@code http://localhost:*} and web origin {@code *}: wildcards fit for tests only, whose ports are picked at run time); every token's audience
 * is {@value #API_AUDIENCE}; realm roles (in {@code realm_access.roles}) grant as {@link #ROLE_GRANTS} says and
 * {@code fleetdiag-fleet} sees the whole fleet; the user attributes {@value #MERCHANT_ACCOUNTS_CLAIM} and
 * {@value #STORES_CLAIM} go into claims of those names; the confidential client {@code fleetdiag-tests} gives
 * tests tokens without a browser. {@link #serviceSettings()} are the settings a service accepts its tokens with.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "fleetdiag";
    public static final String DASHBOARD_CLIENT = "fleetdiag-dashboard";
    public static final String API_AUDIENCE = "fleetdiag";
    public static final String ROLES_CLAIM = "realm_access.roles";
    public static final String ROLE_GRANTS = "fleetdiag-viewer=fleet:read; fleetdiag-operator=fleet:read,alerts:operate,checks:run;"
            + " fleetdiag-admin=fleet:read,alerts:operate,checks:run,admin";
    public static final String WHOLE_FLEET_ROLE = "fleetdiag-fleet";
    public static final String MERCHANT_ACCOUNTS_CLAIM = "fleetdiag_merchant_accounts";
    public static final String STORES_CLAIM = "fleetdiag_stores";
    /** Every grant, the whole fleet. */
    public static final RealmUser OPERATOR = new RealmUser("olivia.operator", "operator-password", "Olivia Operator");
    /** {@code fleet:read} only, on the merchant account {@link #STORE_MANAGER_ACCOUNT} only. */
    public static final RealmUser STORE_MANAGER = new RealmUser("sam.storemanager", "store-manager-password", "Sam Storemanager");
    public static final String STORE_MANAGER_ACCOUNT = "AcmeRetail_US";

    private static final String TESTS_CLIENT = "fleetdiag-tests";
    private static final String TESTS_SECRET = "fleetdiag-tests-secret";
    private static final String REALM_RESOURCE = "keycloak/fleetdiag-realm.json";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopOnExit;
    private Duration startTime;

    /** A user of the realm, with the display name its ID token carries. */
    public record RealmUser(String username, String password, String name) {
    }

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopOnExit = new Thread(this::stop, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts Keycloak from {@code distribution} and waits until it is ready and the realm answers. */
    static Keycloak start(KeycloakDistribution distribution, Path logDirectory) throws IOException {
        int port = FreePorts.next();
        int management = FreePorts.next();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.toAbsolutePath().resolve("keycloak-" + port + ".log");
        importRealm(distribution.home());
        ProcessBuilder builder = new ProcessBuilder(List.of(distribution.launcher().toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--health-enabled=true", "--import-realm"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", distribution.javaHome().toString());
        // a small heap and the quick compiler: a test realm of three users needs neither more memory nor peak speed
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        long started = System.nanoTime();
        Keycloak keycloak = new Keycloak(builder.start(), port, log);
        try {
            keycloak.awaitReady(management);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        keycloak.startTime = Duration.ofNanos(System.nanoTime() - started);
        return keycloak;
    }

    /** {@code http://127.0.0.1:<port>/realms/fleetdiag}: the {@code iss} of the realm's tokens. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /**
     * The HTTP settings with which a service accepts this realm's access tokens (docs/security.md), the
     * subject being the user name so that audit fields read as people.
     */
    public Map<String, String> serviceSettings() {
        return Map.of("http.auth", "oidc", "http.oidc.issuer", issuer(), "http.oidc.audience", API_AUDIENCE,
                "http.oidc.subject-claim", "preferred_username", "http.oidc.role-claims", ROLES_CLAIM,
                "http.oidc.role-grants", ROLE_GRANTS, "http.oidc.whole-fleet-roles", WHOLE_FLEET_ROLE,
                "http.oidc.merchant-accounts-claim", MERCHANT_ACCOUNTS_CLAIM, "http.oidc.stores-claim", STORES_CLAIM);
    }

    /** From the start of the process to the realm answering. */
    public Duration startTime() {
        return startTime;
    }

    public Path log() {
        return log;
    }

    /** An access token of {@code user} (password grant of the tests' client: no browser). */
    public String accessToken(RealmUser user) {
        return token(Map.of("grant_type", "password", "username", user.username(), "password", user.password(), "scope", "openid"));
    }

    /** An access token of the tests' client itself (client credentials): {@code fleet:read}, the whole fleet. */
    public String serviceToken() {
        return token(Map.of("grant_type", "client_credentials"));
    }

    private String token(Map<String, String> grant) {
        String form = Stream.concat(grant.entrySet().stream(),
                        Map.of("client_id", TESTS_CLIENT, "client_secret", TESTS_SECRET).entrySet().stream())
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the " + grant.get("grant_type") + " grant: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Keycloak at " + issuer(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    /** {@code --import-realm} reads the distribution's {@code data/import}; written atomically so a second JVM never reads half a file. */
    private static void importRealm(Path home) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path temporary = Files.createTempFile(imports, "realm", ".tmp");
        try (InputStream realm = Keycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
            }
            Files.copy(realm, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, imports.resolve("fleetdiag-realm.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Ready is the management interface's {@code /health/ready} and then the realm's discovery document. */
    private void awaitReady(int management) {
        URI ready = URI.create("http://127.0.0.1:" + management + "/health/ready");
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        await("Keycloak ready on port " + port + " (log " + log + ")").atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " while starting; its log is " + log);
                    }
                    return status(ready) == 200 && status(discovery) == 200;
                });
    }

    private static int status(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGTERM (kc.sh passes it on to the server), SIGKILL to what is left after 20 s. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it stops the process itself
        }
        stop();
    }
}
