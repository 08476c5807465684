package io.fleetdiag.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.access.StaticTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checks before a route sees a request, and the headers of every reply, on the real Jetty endpoint. */
class RequestHardeningTest {

    private static final String TOKEN = "operator-token-0123456789";
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger changes = new AtomicInteger();
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();

    private HttpEndpoint start(HttpPolicy policy, Authenticator authenticator) throws Exception {
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/api/things", Permission.READ, "lists things", call -> Reply.json(200, "[]")),
                Route.post("/api/things", Permission.OPERATE, "takes a thing", call -> {
                    changes.incrementAndGet();
                    return Reply.json(201, "{\"length\":" + call.body().length() + "}");
                }).accepting(8 * 1024),
                Route.post("/api/small", Permission.OPERATE, "takes a short thing", call -> {
                    changes.incrementAndGet();
                    return Reply.json(201, "{}");
                }),
                Route.stream("/events", Permission.READ, "events", (call, stream) -> streams.add(stream))));
        routes.addAll(Route.files("/files", "files", new ClasspathFiles("http-files", RequestHardeningTest.class.getClassLoader())));
        return HttpEndpoint.start("127.0.0.1", 0, Optional.empty(), authenticator, policy, routes);
    }

    private HttpEndpoint start() throws Exception {
        return start(new HttpPolicy(new RequestGuard(Set.of("fleetdiag.example.com")), SecurityHeaders.withIssuer(Optional.of(
                URI.create("https://login.example.com/realms/fleet"))), 8, 4), StaticTokens.of(List.of(new StaticTokens.Token(TOKEN, Caller.local()))));
    }

    /** A raw request, so Host and every other header are exactly as written; the status line and headers of the answer. */
    private static List<String> raw(HttpEndpoint http, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }

    private static String post(String host, String origin, String contentType, String body) {
        return "POST /api/things HTTP/1.1\nHost: " + host + "\nAuthorization: Bearer " + TOKEN + "\nConnection: close\n"
                + (origin == null ? "" : "Origin: " + origin + "\n") + (contentType == null ? "" : "Content-Type: " + contentType + "\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body;
    }

    @Test
    void aCrossSiteFormPostAForeignOriginAndAForeignHostChangeNothing() throws Exception {
        try (HttpEndpoint http = start()) {
            String own = "127.0.0.1:" + http.port();
            assertThat(raw(http, post(own, "http://evil.example", "text/plain", "{\"type\":\"BATTERY_LOW\"}")).get(0))
                    .as("a text/plain form post from another site").startsWith("HTTP/1.1 403");
            assertThat(raw(http, post(own, null, "text/plain", "{}")).get(0)).as("JSON sent as text").startsWith("HTTP/1.1 415");
            assertThat(raw(http, post(own, null, null, "{}")).get(0)).as("an untyped body").startsWith("HTTP/1.1 415");
            assertThat(raw(http, post(own, "http://evil.example", "application/json", "{}")).get(0))
                    .as("JSON from another site's page").startsWith("HTTP/1.1 403");
            assertThat(raw(http, post(own, "null", "application/json", "{}")).get(0)).as("an opaque origin").startsWith("HTTP/1.1 403");
            assertThat(raw(http, post("evil.example:" + http.port(), "http://evil.example:" + http.port(), "application/json", "{}")).get(0))
                    .as("DNS rebinding: the page and the Host agree, the name is not the service's").startsWith("HTTP/1.1 421");
            assertThat(raw(http, post("127.0.0.1.nip.io:" + http.port(), null, "application/json", "{}")).get(0))
                    .as("a name that resolves to loopback is still a name").startsWith("HTTP/1.1 421");
            assertThat(changes).as("no refused request reached its route").hasValue(0);

            assertThat(raw(http, post(own, null, "application/json; charset=utf-8", "{}")).get(0)).as("the CLI: no Origin").startsWith("HTTP/1.1 201");
            assertThat(raw(http, post(own, "http://" + own, "application/json", "{}")).get(0)).as("the dashboard: its own origin").startsWith("HTTP/1.1 201");
            assertThat(raw(http, post("localhost:" + http.port(), "http://localhost:" + http.port(), "application/json", "{}")).get(0))
                    .startsWith("HTTP/1.1 201");
            assertThat(raw(http, post("fleetdiag.example.com", "https://fleetdiag.example.com", "application/json", "{}")).get(0))
                    .as("a configured name behind a TLS proxy").startsWith("HTTP/1.1 201");
            assertThat(raw(http, "GET /api/things HTTP/1.1\nHost: evil.example\nAuthorization: Bearer " + TOKEN + "\nConnection: close\n\n").get(0))
                    .as("reads change nothing and are not checked").startsWith("HTTP/1.1 200");
            assertThat(changes).hasValue(4);
        }
    }

    @Test
    void everyReplyCarriesTheSecurityHeadersAndApiRepliesAreNotStored() throws Exception {
        try (HttpEndpoint http = start()) {
            String base = "http://127.0.0.1:" + http.port();
            for (String path : List.of("/api/things", "/nothing-here", "/files/index.html")) {
                for (Optional<String> token : List.of(Optional.of(TOKEN), Optional.<String>empty())) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
                    token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
                    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    String what = path + " " + answer.statusCode();
                    assertThat(answer.headers().firstValue("content-security-policy")).as(what).hasValue(
                            "default-src 'self'; connect-src 'self' https://login.example.com; frame-ancestors 'none'; base-uri 'none'; "
                                    + "form-action 'self'; object-src 'none'");
                    assertThat(answer.headers().firstValue("x-content-type-options")).as(what).hasValue("nosniff");
                    assertThat(answer.headers().firstValue("x-frame-options")).as(what).hasValue("DENY");
                    assertThat(answer.headers().firstValue("referrer-policy")).as(what).hasValue("no-referrer");
                    assertThat(answer.headers().allValues("cache-control")).as(what)
                            .containsExactly(path.startsWith("/files") && answer.statusCode() == 200 ? "no-cache" : "no-store");
                }
            }
        }
    }

    @Test
    void eachRouteReadsAtMostItsOwnLimitAndOnlyAfterTheCallerIsKnown() throws Exception {
        try (HttpEndpoint http = start()) {
            String own = "127.0.0.1:" + http.port();
            String json = "{\"x\":\"" + "y".repeat(Route.SMALL_BODY) + "\"}";
            assertThat(raw(http, post(own, null, "application/json", json).replace("/api/things", "/api/small")).get(0))
                    .as("a route that takes no more than a short object").startsWith("HTTP/1.1 413");
            assertThat(raw(http, post(own, null, "application/json", json)).get(0)).as("a route that takes bodies").startsWith("HTTP/1.1 201");
            // the body is announced but never sent: an answer that comes at once was given without reading it
            List<String> unauthenticated = raw(http, "POST /api/things HTTP/1.1\nHost: " + own + "\nContent-Type: application/json\n"
                    + "Content-Length: 8000\n\n{");
            assertThat(unauthenticated.get(0)).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void eventStreamsAreCappedPerInstanceAndPerCaller() throws Exception {
        Caller ana = new Caller("ana", Set.of(Permission.READ), Scope.ALL);
        Caller bob = new Caller("bob", Set.of(Permission.READ), Scope.ALL);
        Caller cy = new Caller("cy", Set.of(Permission.READ), Scope.ALL);
        Authenticator three = StaticTokens.of(List.of(new StaticTokens.Token("ana-token-0123456789", ana),
                new StaticTokens.Token("bob-token-0123456789", bob), new StaticTokens.Token("cy-token-0123456789", cy)));
        HttpPolicy policy = HttpPolicy.defaults().withStreamCaps(3, 2);
        try (HttpEndpoint http = start(policy, three)) {
            List<HttpResponse<Stream<String>>> open = new ArrayList<>();
            open.add(stream(http, "ana"));
            open.add(stream(http, "ana"));
            open.forEach(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            HttpResponse<Stream<String>> third = stream(http, "ana");
            assertThat(third.statusCode()).as("a third stream of one caller").isEqualTo(429);
            assertThat(third.headers().firstValue("retry-after")).isPresent();
            open.add(stream(http, "bob"));
            assertThat(open.get(2).statusCode()).isEqualTo(200);
            assertThat(stream(http, "cy").statusCode()).as("the instance is full").isEqualTo(503);

            open.get(0).body().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                // as a heartbeat would: a write to the closed connection is what ends its stream
                streams.forEach(stream -> stream.comment("heartbeat"));
                HttpResponse<Stream<String>> again = stream(http, "cy");
                again.body().close();
                return again.statusCode() == 200;
            });
            open.forEach(answer -> answer.body().close());
        }
    }

    private HttpResponse<Stream<String>> stream(HttpEndpoint http, String who) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/events"))
                .header("Authorization", "Bearer " + who + "-token-0123456789").build(), HttpResponse.BodyHandlers.ofLines());
    }
}
