package io.fleetdiag.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's HTTP port as its settings configure it: OIDC and static tokens over real HTTP, closed by default, TLS. */
class AccessHttpTest {

    private static final String SERVICE_TOKEN = "legacy-service-token";
    private static MockOAuth2Server issuer;
    @TempDir
    Path dir;

    @BeforeAll
    static void startIssuer() {
        issuer = new MockOAuth2Server();
        issuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.shutdown();
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(ServiceHttp.DEFAULTS);
        settings.put("http.port", "0");
        settings.putAll(extra);
        return settings;
    }

    private static Map<String, String> oidc() {
        return Map.of("http.oidc.issuer", issuer.issuerUrl("default").toString(), "http.oidc.audience", JwtAuthenticatorTest.AUDIENCE);
    }

    private static HttpEndpoint start(Map<String, String> settings, Map<String, String> environment) throws Exception {
        Route silence = Route.post("/api/silences", Permission.OPERATE, "a route only operators may use",
                call -> Reply.json(201, "{\"by\":\"" + call.caller().subject() + "\"}"));
        return ServiceHttp.start(ServiceConfig.of(settings(settings)), environment, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new ServiceHttp.Health(true, true, true, Map.of()), List.of(silence));
    }

    private static HttpResponse<String> send(HttpClient client, String url, String method, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpEndpoint http, String path, String method, String token) throws Exception {
        return send(HttpClient.newHttpClient(), "http://127.0.0.1:" + http.port() + path, method, token);
    }

    @Test
    void oidcCallersAreRefusedWithTheReasonAndLimitedToTheirRoles() throws Exception {
        String viewer = JwtAuthenticatorTest.token(issuer, "vera", JwtAuthenticatorTest.roles("fleetdiag-viewer"));
        String operator = JwtAuthenticatorTest.token(issuer, "otto", JwtAuthenticatorTest.roles("fleetdiag-operator"));
        String expired = issuer.issueToken("default", "vera", JwtAuthenticatorTest.AUDIENCE, JwtAuthenticatorTest.roles("fleetdiag-viewer"), -300)
                .serialize();
        try (HttpEndpoint http = start(oidc(), Map.of())) {
            assertThat(send(http, "/metrics", "GET", viewer).statusCode()).isEqualTo(200);

            HttpResponse<String> refused = send(http, "/metrics", "GET", expired);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).contains("Expired").doesNotContain(expired);

            HttpResponse<String> forbidden = send(http, "/api/silences", "POST", viewer);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.body()).contains("vera lacks the permission alerts:operate");

            HttpResponse<String> allowed = send(http, "/api/silences", "POST", operator);
            assertThat(allowed.statusCode()).isEqualTo(201);
            assertThat(allowed.body()).contains("\"by\":\"otto\"");
        }
    }

    @Test
    void claimsAreReadAsTheSettingsSayAsAnOktaOrEntraConfigurationWould() throws Exception {
        Map<String, String> settings = new HashMap<>(settings(oidc()));
        settings.put("http.oidc.subject-claim", "preferred_username");
        settings.put("http.oidc.role-claims", "groups");
        settings.put("http.oidc.role-grants", "Fleet Viewers=fleet:read; Store Ops=fleet:read,alerts:operate,checks:run");
        settings.put("http.oidc.whole-fleet-roles", "Store Ops");
        settings.put("http.oidc.merchant-accounts-claim", "accounts");
        Authenticator authenticator = AccessSettings.authenticator(ServiceConfig.of(settings), Map.of());

        Caller viewer = authenticator.authenticate(Optional.of(JwtAuthenticatorTest.token(issuer, "00u1a2b3",
                Map.of("preferred_username", "vera@acme.example", "groups", List.of("Fleet Viewers", "Everyone"), "accounts", "AcmeRetail_EU"))));
        assertThat(viewer.subject()).isEqualTo("vera@acme.example");
        assertThat(viewer.permissions()).containsExactly(Permission.READ);
        assertThat(viewer.scope()).isEqualTo(Scope.of(Set.of("AcmeRetail_EU"), Set.of()));

        Caller ops = authenticator.authenticate(Optional.of(JwtAuthenticatorTest.token(issuer, "00u9",
                Map.of("preferred_username", "otto@acme.example", "groups", List.of("Store Ops")))));
        assertThat(ops.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OPERATE, Permission.RUN_CHECKS);
        assertThat(ops.scope()).isEqualTo(Scope.ALL);

        settings.put("http.oidc.role-grants", "Store Ops=alerts:silence");
        assertThatThrownBy(() -> AccessSettings.authenticator(ServiceConfig.of(settings), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'alerts:silence' is not a grant");
    }

    @Test
    void staticTokensWorkBesideOidcEachWithItsOwnGrants() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, """
                # name grants scope secret
                kiosk  fleet:read  account:AcmeRetail_EU  kiosk-secret-0123456789
                """);
        Map<String, String> settings = new HashMap<>(oidc());
        settings.put("http.tokens.file", tokens.toString());
        try (HttpEndpoint http = start(settings, Map.of(AccessSettings.TOKEN_ENV, SERVICE_TOKEN))) {
            assertThat(send(http, "/metrics", "GET", "kiosk-secret-0123456789").statusCode()).isEqualTo(200);
            assertThat(send(http, "/api/silences", "POST", "kiosk-secret-0123456789").body()).contains("kiosk lacks the permission alerts:operate");
            assertThat(send(http, "/api/silences", "POST", SERVICE_TOKEN).body()).contains("\"by\":\"service-token\"");
            assertThat(send(http, "/metrics", "GET", "not-a-token-at-all").body()).contains("The bearer token is not valid");
            String otto = JwtAuthenticatorTest.token(issuer, "otto", JwtAuthenticatorTest.roles("fleetdiag-operator"));
            assertThat(send(http, "/api/silences", "POST", otto).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void offLoopbackAServiceWithoutIdentityRefusesToStartAndSaysHowToConfigureOne() {
        assertThatThrownBy(() -> start(Map.of("http.host", "0.0.0.0"), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not loopback, and no identity is configured")
                .hasMessageContaining("http.oidc.issuer and http.oidc.audience")
                .hasMessageContaining("FLEETDIAG_HTTP_TOKEN");
        assertThatThrownBy(() -> start(Map.of("http.host", "0.0.0.0", "http.auth", "none"), Map.of(AccessSettings.TOKEN_ENV, SERVICE_TOKEN)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("http.auth=none is only allowed on a loopback http.host");
        assertThatThrownBy(() -> start(Map.of("http.auth", "oidc"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http.auth=oidc needs http.oidc.issuer");
        assertThatThrownBy(() -> start(Map.of("http.oidc.issuer", "https://login.example/realms/fleet"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http.oidc.audience is not");
    }

    @Test
    void offLoopbackWithATokenTheServiceStartsAndAsksForIt() throws Exception {
        try (HttpEndpoint http = start(Map.of("http.host", "0.0.0.0"), Map.of(AccessSettings.TOKEN_ENV, SERVICE_TOKEN))) {
            assertThat(send(http, "/metrics", "GET", null).statusCode()).isEqualTo(401);
            assertThat(send(http, "/metrics", "GET", SERVICE_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withAKeystoreThePortAnswersOverHttpsOnly() throws Exception {
        Path keystore = dir.resolve("http.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "fleetdiag", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit-123", "-keypass", "changeit-123")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        Path password = dir.resolve("password");
        Files.writeString(password, "changeit-123\n");

        try (HttpEndpoint http = start(Map.of("http.tls.keystore", keystore.toString(), "http.tls.keystore-password-file", password.toString()),
                Map.of(AccessSettings.TOKEN_ENV, SERVICE_TOKEN))) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore, "changeit-123")).build();
            assertThat(send(trusting, "https://127.0.0.1:" + http.port() + "/health", "GET", null).statusCode()).isEqualTo(200);
            assertThat(send(trusting, "https://127.0.0.1:" + http.port() + "/metrics", "GET", SERVICE_TOKEN).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> send(http, "/health", "GET", null)).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> start(Map.of("http.tls.keystore", keystore.toString()), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FLEETDIAG_HTTP_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> start(Map.of("http.tls.keystore", keystore.toString(), "http.tls.keystore-password", "wrong"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Cannot open the keystore");
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
