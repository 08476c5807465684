package io.fleetdiag.service.http;

import io.fleetdiag.service.ServiceHttp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.access.AccessSettings;
import io.fleetdiag.service.access.StaticTokens;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Event streams and static files on the real Jetty endpoint, with a token set. */
class RouteHandlerTest {

    private static final String TOKEN = "t0ken-for-tests";
    private static final int THINGS_BODY = 64 * 1024;
    private final HttpClient client = HttpClient.newHttpClient();

    private static HttpEndpoint start(StreamRoute events) throws Exception {
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/api", Permission.READ, "an answer", call -> Reply.json(200, "{}")),
                Route.get("/api/things/{id}", Permission.READ, "one thing", call -> Reply.json(200, "{\"id\":\"" + call.param("id") + "\"}")),
                Route.post("/api/things", Permission.OPERATE, "takes a thing", call -> Reply.json(200, "{\"length\":" + call.body().length() + "}"))
                        .accepting(THINGS_BODY),
                Route.delete("/api/things/{id}", Permission.OPERATE, "ends a thing", call -> Reply.json(200, "{}")),
                Route.get("/api/things/special", Permission.READ, "the special thing", call -> Reply.json(200, "{\"special\":true}")),
                Route.get("/api/failing", Permission.READ, "fails", call -> {
                    throw new IllegalStateException("secret-host:9092 is down");
                }),
                Route.stream("/events", Permission.READ, "events", events)));
        routes.addAll(Route.files("/files", "files", new ClasspathFiles("http-files", RouteHandlerTest.class.getClassLoader())));
        return HttpEndpoint.start("127.0.0.1", 0, AccessSettings.authenticator(ServiceConfig.of(ServiceHttp.DEFAULTS), Map.of(AccessSettings.TOKEN_ENV, TOKEN)), routes);
    }

    private HttpResponse<String> get(HttpEndpoint http, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEventStreamTakesTheTokenFromTheHeaderOnlyAndDeliversEventsAsTheyAreSent() throws Exception {
        CompletableFuture<EventStream> opened = new CompletableFuture<>();
        try (HttpEndpoint http = start((call, stream) -> opened.complete(stream))) {
            assertThat(get(http, "/events").statusCode()).isEqualTo(401);
            assertThat(get(http, "/events?access_token=" + TOKEN).statusCode()).as("a token in the URL is never taken").isEqualTo(401);

            HttpResponse<Stream<String>> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/events"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> answer.body().forEach(lines::add));
            reader.setDaemon(true);
            reader.start();
            EventStream stream = opened.get(10, TimeUnit.SECONDS);
            assertThat(stream.send("alert", "{\"a\":1}\n{\"b\":2}")).isTrue();

            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(": connected");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("event: alert");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("data: {\"a\":1}");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("data: {\"b\":2}");
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedNotBufferedForever() throws Exception {
        CompletableFuture<EventStream> opened = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try (HttpEndpoint http = start((call, stream) -> {
            stream.whenClosed(() -> closed.complete(null));
            opened.complete(stream);
        }); Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setReceiveBufferSize(4096);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            EventStream stream = opened.get(10, TimeUnit.SECONDS);
            String big = "x".repeat(64 * 1024);
            // nothing is read from here on: the socket buffers fill, then the queue, then the client is dropped
            await().atMost(Duration.ofMinutes(1)).until(() -> !stream.send("store", big));
            closed.get(10, TimeUnit.SECONDS);
            assertThat(stream.isOpen()).isFalse();
        }
    }

    @Test
    void staticFilesNeedNoTokenAndStayInsideTheirFolder() throws Exception {
        try (HttpEndpoint http = start((call, stream) -> { })) {
            HttpResponse<String> index = get(http, "/files/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("<title>t</title>");
            assertThat(get(http, "/files").statusCode()).as("redirected to the folder").isEqualTo(302);
            HttpResponse<String> css = get(http, "/files/css/site.css");
            assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
            assertThat(get(http, "/files/nothing.js").statusCode()).isEqualTo(404);
            for (String escape : new String[] {"/files/../outside.txt", "/files/%2e%2e/outside.txt", "/files/css/..%2f..%2foutside.txt",
                    "/files/..%5coutside.txt", "/files//outside.txt"}) {
                HttpResponse<String> answer = get(http, escape);
                assertThat(answer.body()).as(escape).doesNotContain("secret");
                assertThat(answer.statusCode()).as(escape).isIn(400, 404);
            }
        }
    }

    private HttpResponse<String> send(HttpEndpoint http, String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void templatesGiveTheirParametersAndTheTableAnswers404And405() throws Exception {
        try (HttpEndpoint http = start((call, stream) -> { })) {
            assertThat(send(http, "GET", "/api/things/a%20b").body()).isEqualTo("{\"id\":\"a b\"}");
            assertThat(send(http, "GET", "/api/things/special").body()).as("a literal segment wins").isEqualTo("{\"special\":true}");
            assertThat(send(http, "GET", "/api/things/a/b").statusCode()).isEqualTo(404);
            HttpResponse<String> wrongMethod = send(http, "POST", "/api/things/a");
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongMethod.headers().firstValue("allow")).hasValue("DELETE, GET");
            assertThat(get(http, "/api/things/a").statusCode()).as("no token").isEqualTo(401);
        }
    }

    @Test
    void aFailingRouteAnswers500WithoutItsExceptionsDetails() throws Exception {
        try (HttpEndpoint http = start((call, stream) -> { })) {
            HttpResponse<String> answer = send(http, "GET", "/api/failing");
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).doesNotContain("IllegalStateException", "secret-host", "9092");
        }
    }

    @Test
    void aStreamedBodyIsReadUpToTheLimitAndNoFurther() throws Exception {
        try (HttpEndpoint http = start((call, stream) -> { })) {
            for (int size : new int[] {THINGS_BODY, THINGS_BODY + 1}) {
                // ofInputStream sends no Content-Length: the body arrives chunked
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/things"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("x".repeat(size).getBytes(StandardCharsets.UTF_8))))
                        .build();
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(size + " bytes").isEqualTo(size > THINGS_BODY ? 413 : 200);
            }
        }
    }

    @Test
    void aCallerWithoutTheRoutesPermissionIsRefusedWith403AndTheRouteSeesWhoCalls() throws Exception {
        Caller reader = new Caller("viewer@example.com", Set.of(Permission.READ), Scope.ALL);
        List<Route> routes = List.of(
                Route.get("/api/me", Permission.READ, "who calls", call -> Reply.json(200, "{\"subject\":\"" + call.caller().subject() + "\"}")),
                Route.post("/api/things", Permission.OPERATE, "takes a thing", call -> Reply.json(200, "{}")));
        try (HttpEndpoint http = HttpEndpoint.start("127.0.0.1", 0, StaticTokens.of(List.of(new StaticTokens.Token("viewer-token", reader))), routes)) {
            HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/me"))
                    .header("Authorization", "Bearer viewer-token").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.body()).contains("viewer@example.com");
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/things"))
                    .header("Authorization", "Bearer viewer-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).contains("alerts:operate");
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/me"))
                    .header("Authorization", "Bearer other").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("not valid");
            assertThat(wrong.headers().firstValue("www-authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void aRefusalThatLeavesTheBodyUnreadClosesTheConnectionSoAPooledClientGoesOn() throws Exception {
        try (HttpEndpoint http = start((call, stream) -> { })) {
            try (Socket socket = new Socket("127.0.0.1", http.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/things HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                List<String> head = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.add(line.toLowerCase(Locale.ROOT));
                }
                assertThat(head.get(0)).startsWith("http/1.1 401");
                assertThat(head).contains("connection: close");
            }
            // the same client's pooled connection: each refused write is followed by a request that must be answered
            for (int round = 0; round < 20; round++) {
                HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/things"))
                        .header("Authorization", "Bearer wrong").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"thing\": " + round + "}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(send(http, "GET", "/api").statusCode()).as("round " + round).isEqualTo(200);
            }
        }
    }
}
