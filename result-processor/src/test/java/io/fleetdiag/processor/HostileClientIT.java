package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.JwtAuthenticator;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicAdmin;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor on the real broker, accepting OIDC tokens of a real issuer (mock-oauth2-server: discovery,
 * JWKS, RS256) and its own static token, attacked as docs/security.md's threat model says: bad tokens,
 * oversized bodies, cross-site and DNS-rebinding writes, more event streams than allowed, and a scoped
 * caller reaching past its merchant account through paging and {@code local=true}. Each attack is counted
 * as tried and refused, the table is printed (and kept in target/hostile-clients.txt), and afterwards
 * nothing has changed: no silence, no acknowledgement.
 */
@ExtendWith(TestClusterExtension.class)
class HostileClientIT {

    private static final String EU = "AcmeRetail_EU";
    private static final String US = "AcmeRetail_US";
    private static final int PER_ACCOUNT = 10;
    private static final String AUDIENCE = "fleetdiag";
    private static final String OPS_TOKEN = "ops-token-0123456789";
    private static final Caller OPERATIONS = new Caller("ops@example.com", EnumSet.allOf(Permission.class), Scope.ALL);
    private static final int MAX_STREAMS = 20;
    private static final int MAX_STREAMS_PER_CALLER = 5;
    private static final int STREAM_CLIENTS = 1_000;

    @TempDir
    Path work;
    private TestCluster cluster;
    private ApiInstances instances;
    private MockOAuth2Server issuer;
    private ProcessorService processor;
    private final Map<String, int[]> attacks = new LinkedHashMap<>();
    private final List<String> notRefused = new ArrayList<>();

    @BeforeEach
    void start(TestCluster testCluster) {
        cluster = testCluster;
        instances = new ApiInstances(testCluster, "hostile", work);
        issuer = new MockOAuth2Server();
        issuer.start();
    }

    @AfterEach
    void stop() throws Exception {
        instances.close();
        issuer.shutdown();
    }

    private String issuerUrl() {
        return issuer.issuerUrl("default").toString();
    }

    private String token(String subject, Map<String, Object> claims) {
        return issuer.issueToken("default", subject, AUDIENCE, claims, 3600).serialize();
    }

    private static Map<String, Object> roles(String... roles) {
        return Map.of("realm_access", Map.of("roles", List.of(roles)));
    }

    /** Store managers of EU: may operate, see only their account. */
    private String euManager() {
        return token("manager@acme-eu.example", Map.of("realm_access", Map.of("roles", List.of("fleetdiag-operator")),
                "fleetdiag_merchant_accounts", List.of(EU)));
    }

    /** A bearer shaped as a JWT goes to the issuer's check, any other to the processor's own token (as AccessSettings combines them). */
    private Authenticator authenticator() {
        JwtAuthenticator oidc = new JwtAuthenticator(JwtAuthenticator.Config.of(issuerUrl(), AUDIENCE));
        Authenticator own = TestCallers.tokens(Map.of(OPS_TOKEN, OPERATIONS));
        return credential -> credential.isPresent() && credential.get().chars().filter(c -> c == '.').count() == 2
                ? oidc.authenticate(credential) : own.authenticate(credential);
    }

    private static String poiid(String account, int t) {
        return String.format("V400m-%09d", (account.equals(EU) ? 800_000_000 : 900_000_000) + t);
    }

    private void lowBatteries() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                instances.catalog().results().valueSerde().serializer())) {
            for (String account : List.of(EU, US)) {
                for (int t = 0; t < PER_ACCOUNT; t++) {
                    DiagnosisResult result = Fixtures.success(poiid(account, t), now, parts -> parts.battery = 10);
                    String store = account.equals(EU) ? "EU-0001" : "US-0001";
                    result.setMerchantAccount(account);
                    result.setStore(store);
                    result.getAdditionalResponse().setMerchantAccount(account);
                    result.getAdditionalResponse().setStoreId(store);
                    producer.send(new ProducerRecord<>(instances.catalog().results().name(), result.getPoiid(), result)).get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private HttpResponse<String> call(String token, String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + processor.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return instances.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> json(String token, String method, String path, String body) throws Exception {
        return call(token, method, path, body, Map.of("Content-Type", "application/json"));
    }

    /** A raw request, so Host and lengths are exactly as written; the status code. */
    private int raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", processor.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private void attack(String name, int tried, int refused) {
        int[] counts = attacks.computeIfAbsent(name, key -> new int[2]);
        counts[0] += tried;
        counts[1] += refused;
    }

    /** One attempt of {@code name}, refused when its status is what {@code refusal} accepts. */
    private void attempt(String name, int status, IntPredicate refusal) {
        attack(name, 1, refusal.test(status) ? 1 : 0);
        if (!refusal.test(status)) {
            notRefused.add(name + ": " + status);
        }
    }

    private String silenceBody() {
        return "{\"type\": \"BATTERY_LOW\", \"until\": \"" + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)
                + "\", \"reason\": \"evil\"}";
    }

    @Test
    void everyAttackIsRefusedAndNothingChanges() throws Exception {
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, instances.catalog().all(), 3, (short) 1);
        }
        processor = instances.start("one", OPS_TOKEN, authenticator(), Map.of(
                "http.events.max-clients", String.valueOf(MAX_STREAMS), "http.events.max-per-caller", String.valueOf(MAX_STREAMS_PER_CALLER)));
        await().atMost(Duration.ofSeconds(90)).until(() -> processor.streams().state() == KafkaStreams.State.RUNNING);
        lowBatteries();
        await().atMost(Duration.ofSeconds(120)).until(() -> instances.total(processor, OPS_TOKEN, "/api/alerts?active=true&type=BATTERY_LOW") == 2 * PER_ACCOUNT);
        // the issuer's keys are read on the first token; on a loaded machine that may take a few tries (10 s apart)
        String reader = token("vera", roles("fleetdiag-viewer", "fleetdiag-fleet"));
        await().atMost(Duration.ofSeconds(120)).until(() -> json(reader, "GET", "/api/terminals?size=1", null).statusCode() == 200);
        String usAlert = instances.get(processor, OPS_TOKEN, "/api/terminals/" + poiid(US, 0) + "/alerts").path("items").path(0).path("alertId").asText();
        String euAlert = instances.get(processor, OPS_TOKEN, "/api/terminals/" + poiid(EU, 0) + "/alerts").path("items").path(0).path("alertId").asText();

        badTokens(euAlert);
        oversizedBodies();
        crossSiteWrites();
        streamFlood();
        scopeEscapes(usAlert);

        List<String> table = new ArrayList<>(List.of(String.format("%-58s %7s %8s", "attack", "tried", "refused")));
        attacks.forEach((name, counts) -> table.add(String.format("%-58s %7d %8d", name, counts[0], counts[1])));
        int tried = attacks.values().stream().mapToInt(counts -> counts[0]).sum();
        int refused = attacks.values().stream().mapToInt(counts -> counts[1]).sum();
        table.add(String.format("%-58s %7d %8d", "all", tried, refused));
        System.out.println(String.join("\n", table));
        Files.writeString(Path.of("target", "hostile-clients.txt"), String.join("\n", table) + "\n");

        assertThat(notRefused).as("attempts not refused").isEmpty();
        assertThat(attacks).allSatisfy((name, counts) -> assertThat(counts[1]).as(name).isEqualTo(counts[0]));
        assertThat(instances.get(processor, OPS_TOKEN, "/api/silences?all=true").path("total").asInt()).as("no silence was created").isZero();
        JsonNode active = instances.get(processor, OPS_TOKEN, "/api/alerts?active=true&size=500");
        assertThat(active.path("items")).as("the battery alerts, and any of the stores").hasSizeGreaterThanOrEqualTo(2 * PER_ACCOUNT)
                .allSatisfy(alert -> assertThat(alert.path("acknowledgedBy").isMissingNode() || alert.path("acknowledgedBy").isNull())
                        .as("no alert was acknowledged: " + alert).isTrue());

        // the same write, sent as the dashboard or the CLI sends it, is taken: the refusals were the attacks', not a broken route
        assertThat(call(OPS_TOKEN, "POST", "/api/silences", silenceBody(), Map.of("Content-Type", "application/json",
                "Origin", "http://127.0.0.1:" + processor.httpPort())).statusCode()).isEqualTo(201);
    }

    private void badTokens(String euAlert) throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(new URL(issuer.jwksUrl("default").toString())).getKeys().get(0);
        JWTClaimsSet admin = new JWTClaimsSet.Builder().issuer(issuerUrl()).audience(AUDIENCE).subject("mallory")
                .claim("realm_access", Map.of("roles", List.of("fleetdiag-admin", "fleetdiag-fleet")))
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();

        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID()).type(JOSEObjectType.JWT).build(), admin);
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate()));
        String[] viewer = token("mallory", roles("fleetdiag-viewer")).split("\\.");
        String tampered = viewer[0] + "." + Base64URL.encode(new Base64URL(viewer[1]).decodeToString().replace("fleetdiag-viewer", "fleetdiag-admin"))
                + "." + viewer[2];
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), admin);
        confused.sign(new MACSigner(published.toPublicKey().getEncoded()));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("token: forged (another key under the issuer's key id)", forged.serialize());
        tokens.put("token: payload tampered (viewer made admin)", tampered);
        tokens.put("token: expired", issuer.issueToken("default", "mallory", AUDIENCE, roles("fleetdiag-admin", "fleetdiag-fleet"), -300).serialize());
        tokens.put("token: wrong audience", issuer.issueToken("default", "mallory", "another-api", roles("fleetdiag-admin", "fleetdiag-fleet"), 3600).serialize());
        tokens.put("token: alg none", new PlainJWT(admin).serialize());
        tokens.put("token: HS256 keyed with the issuer's public key", confused.serialize());
        tokens.put("token: static guess", "ops-token-guess");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            refusedToken(token.getKey(), json(token.getValue(), "GET", "/api/terminals", null));
            refusedToken(token.getKey(), json(token.getValue(), "POST", "/api/silences", silenceBody()));
            refusedToken(token.getKey(), json(token.getValue(), "POST", "/api/alerts/" + euAlert + "/ack", "{}"));
        }
        HttpResponse<String> inUrl = call(null, "GET", "/api/terminals?access_token=" + OPS_TOKEN, null, Map.of());
        attempt("token: in the URL instead of the header", inUrl.statusCode(), status -> status == 401);
        String viewerToken = token("vera", roles("fleetdiag-viewer", "fleetdiag-fleet"));
        attempt("token: a viewer silences the fleet", json(viewerToken, "POST", "/api/silences", silenceBody()).statusCode(), status -> status == 403);
    }

    /** Refused for what the token is, not because the issuer's keys could not be read (which would refuse a good token too). */
    private void refusedToken(String name, HttpResponse<String> answer) {
        boolean refused = answer.statusCode() == 401 && !answer.body().contains("cannot be fetched");
        attack(name, 1, refused ? 1 : 0);
        if (!refused) {
            notRefused.add(name + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private void oversizedBodies() throws Exception {
        // announced, a few bytes sent: the refusal comes without the rest being read
        attempt("body: 700 KB silence, operator token", raw("POST /api/silences HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer " + OPS_TOKEN
                + "\nContent-Type: application/json\nContent-Length: " + 700 * 1024 + "\n\n{\"type\": \"BATTERY_LOW\", \"reason\": \""),
                status -> status == 413);
        String chunked = "{\"type\": \"BATTERY_LOW\", \"reason\": \"" + "x".repeat(20 * 1024) + "\"}";
        attempt("body: 20 KB silence, chunked (no length announced)", instances.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + processor.httpPort() + "/api/silences"))
                        .header("Authorization", "Bearer " + OPS_TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked.getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), status -> status == 413);
        attempt("body: 700 MB announced to /health", raw("POST /health HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
                + "Content-Length: " + 700L * 1024 * 1024 + "\n\n{"), status -> status == 413);
        attempt("body: 8 KB announced by a caller without a credential", raw("POST /api/silences HTTP/1.1\nHost: 127.0.0.1\n"
                + "Content-Type: application/json\nContent-Length: 8000\n\n{"), status -> status == 401);
    }

    private void crossSiteWrites() throws Exception {
        attempt("cross-site text/plain form post (Origin evil.example)", call(OPS_TOKEN, "POST", "/api/silences", silenceBody(),
                Map.of("Content-Type", "text/plain", "Origin", "http://evil.example")).statusCode(), status -> status == 403);
        attempt("cross-site JSON post (Origin evil.example)", call(OPS_TOKEN, "POST", "/api/alerts/any/ack", "{}",
                Map.of("Content-Type", "application/json", "Origin", "http://evil.example")).statusCode(), status -> status == 403);
        attempt("form-encoded post, no Origin", call(OPS_TOKEN, "POST", "/api/silences", "type=BATTERY_LOW",
                Map.of("Content-Type", "application/x-www-form-urlencoded")).statusCode(), status -> status == 415);
        String body = silenceBody();
        attempt("foreign Host (DNS rebinding)", raw("POST /api/silences HTTP/1.1\nHost: evil.example:" + processor.httpPort()
                + "\nOrigin: http://evil.example:" + processor.httpPort() + "\nAuthorization: Bearer " + OPS_TOKEN
                + "\nContent-Type: application/json\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\nConnection: close\n\n" + body),
                status -> status == 421);
        attempt("foreign Host, DELETE", raw("DELETE /api/silences/any HTTP/1.1\nHost: rebind.evil.example\nAuthorization: Bearer " + OPS_TOKEN
                + "\nConnection: close\n\n"), status -> status == 421);
    }

    private HttpResponse<Stream<String>> stream(String token) throws Exception {
        return instances.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + processor.httpPort() + "/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines());
    }

    private void streamFlood() throws Exception {
        List<HttpResponse<Stream<String>>> admitted = new ArrayList<>();
        String hoarder = token("hoarder", roles("fleetdiag-viewer", "fleetdiag-fleet"));
        int hoarderRefused = 0;
        for (int i = 0; i < 2 * MAX_STREAMS_PER_CALLER; i++) {
            HttpResponse<Stream<String>> answer = stream(hoarder);
            if (answer.statusCode() == 200) {
                admitted.add(answer);
            } else {
                hoarderRefused += answer.statusCode() == 429 ? 1 : 0;
                answer.body().close();
            }
        }
        attack("SSE: one caller beyond " + MAX_STREAMS_PER_CALLER + " streams", MAX_STREAMS_PER_CALLER, hoarderRefused);

        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            crowd.add(token("client-" + i, roles("fleetdiag-viewer", "fleetdiag-fleet")));
        }
        int refused = 0;
        for (int i = 0; i < STREAM_CLIENTS; i++) {
            HttpResponse<Stream<String>> answer = stream(crowd.get(i % crowd.size()));
            if (answer.statusCode() == 200) {
                admitted.add(answer);
            } else {
                refused += answer.statusCode() == 503 || answer.statusCode() == 429 ? 1 : 0;
                answer.body().close();
            }
        }
        assertThat(admitted).as("admitted up to the instance's cap, no further").hasSize(MAX_STREAMS);
        attack("SSE: " + STREAM_CLIENTS + " clients (" + (MAX_STREAMS - MAX_STREAMS_PER_CALLER) + " admitted up to the cap of " + MAX_STREAMS + ")",
                STREAM_CLIENTS - (MAX_STREAMS - MAX_STREAMS_PER_CALLER), refused);

        List<ConcurrentLinkedQueue<String>> received = new ArrayList<>();
        for (HttpResponse<Stream<String>> answer : admitted) {
            ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
            Thread reader = new Thread(() -> answer.body().forEach(lines::add));
            reader.setDaemon(true);
            reader.start();
            received.add(lines);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().allMatch(lines -> lines.contains("event: fleet")));
        assertThat(processor.liveEvents().fleetComputations()).as("the " + MAX_STREAMS + " clients' fleet view is shared, not computed for each")
                .isLessThan(MAX_STREAMS / 2);
        admitted.forEach(answer -> answer.body().close());
    }

    private void scopeEscapes(String usAlert) throws Exception {
        String manager = euManager();
        // what the account holds, as the whole-fleet operator counts it: no answer to the manager may count more
        int euAlerts = instances.get(processor, OPS_TOKEN, "/api/alerts?active=true&merchantAccount=" + EU).path("total").asInt();
        Map<String, Integer> paged = new LinkedHashMap<>();
        for (String path : List.of("/api/terminals?size=500", "/api/terminals?page=1&size=10", "/api/terminals?page=2147483647&size=500",
                "/api/terminals?size=2147483647", "/api/terminals?page=-1", "/api/terminals?merchantAccount=" + US)) {
            paged.put(path, PER_ACCOUNT);
        }
        paged.put("/api/alerts?active=true&size=500", euAlerts);
        paged.put("/api/alerts?active=true&merchantAccount=" + US, euAlerts);
        paged.put("/api/stores?size=500", 1);
        for (Map.Entry<String, Integer> path : paged.entrySet()) {
            escape("scope escape through paging", manager, path.getKey(), path.getValue());
        }
        escape("scope escape through local=true", manager, "/api/terminals?local=true&limit=2147483647", PER_ACCOUNT);
        escape("scope escape through local=true", manager, "/api/terminals?local=true&limit=-1", PER_ACCOUNT);
        escape("scope escape through local=true", manager, "/api/alerts?active=true&local=true&limit=2147483647", euAlerts);
        escape("scope escape through local=true", manager, "/api/stores?local=true&limit=2147483647", 1);
        HttpResponse<String> fleet = json(manager, "GET", "/api/fleet?local=true", null);
        attack("scope escape through local=true", 1, fleet.statusCode() != 200
                || ApiInstances.JSON.readTree(fleet.body()).path("terminals").asInt() <= PER_ACCOUNT ? 1 : 0);

        attempt("scope escape: acknowledge another account's alert", json(manager, "POST", "/api/alerts/" + usAlert + "/ack", "{}").statusCode(),
                status -> status == 404);
        attempt("scope escape: silence the whole fleet", json(manager, "POST", "/api/silences", silenceBody()).statusCode(), status -> status == 403);
        attempt("scope escape: silence another account", json(manager, "POST", "/api/silences", "{\"merchantAccount\": \"" + US + "\", \"until\": \""
                + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS) + "\"}").statusCode(), status -> status == 403);
    }

    /** Refused when the answer is a 4xx, or holds nothing beyond the caller's account and counts no more than the {@code inScope} it has. */
    private void escape(String name, String token, String path, int inScope) throws Exception {
        HttpResponse<String> answer = json(token, "GET", path, null);
        boolean refused;
        if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
            refused = true;
        } else if (answer.statusCode() == 200) {
            JsonNode body = ApiInstances.JSON.readTree(answer.body());
            List<String> accounts = new ArrayList<>();
            body.path("items").forEach(item -> accounts.add(item.path("merchantAccount").asText()));
            refused = accounts.stream().allMatch(EU::equals) && body.path("total").asInt() <= inScope && accounts.size() <= inScope;
        } else {
            refused = false;
        }
        if (!refused) {
            notRefused.add(name + ": GET " + path + " answered " + answer.statusCode() + " " + answer.body());
        }
        attack(name, 1, refused ? 1 : 0);
    }
}
