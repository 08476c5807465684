package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other instances of the application, asked over HTTP as the original caller: a peer applies that
 * caller's permissions and scope ({@code local=true} answers only what they see), so each question
 * carries the credential the caller sent (their {@code Authorization} header) and the peer
 * authenticates them again. Only a question the service asks itself
 * (an unrestricted {@link HttpCall} made in code, e.g. the live events' shared fleet view) goes with this
 * instance's own bearer token. What one
 * answers is read here, once: a 200 is parsed, a 404 is "not here", anything else fails the query as
 * the same {@link QueryException} (an unreachable instance as {@link QueryException.Unavailable}),
 * with the instance's address in the log only.
 */
final class Peers {

    private static final Logger LOG = LoggerFactory.getLogger(Peers.class);

    /** Reads one instance's answer. */
    @FunctionalInterface
    interface Parse<T> {
        T parse(JsonNode answer) throws QueryException;
    }

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final Optional<String> bearerToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Peers(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Optional<String> bearerToken) {
        this.streams = streams;
        this.self = self;
        this.bearerToken = bearerToken;
    }

    HostInfo self() {
        return self.get();
    }

    /**
     * {@code local} merged with every other instance's answer to {@code pathAndQuery} (which asks for
     * its part only, {@code local=true}); an instance that has nothing (404) adds nothing.
     */
    <T> T gather(HttpCall origin, String pathAndQuery, Parse<T> parse, BinaryOperator<T> merge, T local) throws QueryException {
        T all = local;
        for (HostInfo other : others()) {
            Optional<JsonNode> part = ask(origin, other, pathAndQuery);
            if (part.isPresent()) {
                all = merge.apply(all, parse.parse(part.get()));
            }
        }
        return all;
    }

    /** The answer of the instance that owns a key; its 404 is this query's {@link QueryException.NotFound}. */
    JsonNode owner(HttpCall origin, HostInfo host, String pathAndQuery) throws QueryException {
        HttpResponse<String> answer = get(origin, host, pathAndQuery);
        if (answer.statusCode() == 200) {
            return json(host, answer.body());
        }
        throw failure(host, pathAndQuery, answer);
    }

    private Optional<JsonNode> ask(HttpCall origin, HostInfo host, String pathAndQuery) throws QueryException {
        HttpResponse<String> answer = get(origin, host, pathAndQuery);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw failure(host, pathAndQuery, answer);
        }
        return Optional.of(json(host, answer.body()));
    }

    private List<HostInfo> others() {
        return streams.get().metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self.get())).distinct().toList();
    }

    private HttpResponse<String> get(HttpCall origin, HostInfo host, String pathAndQuery) throws QueryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        authorization(origin).ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("Instance {} did not answer {}", host, pathAndQuery, e);
            throw new QueryException.Unavailable("Another instance did not answer; ask again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException.Unavailable("Interrupted while asking another instance");
        }
    }

    /**
     * The caller's own credential; this instance's token only for an unrestricted call without one (asked
     * in code, or with no identity configured). A restricted caller always came with a credential: one
     * without is a call built in code that would otherwise be answered with this instance's rights.
     */
    private Optional<String> authorization(HttpCall origin) {
        Optional<String> sent = Optional.ofNullable(origin.header("authorization"));
        if (sent.isPresent()) {
            return sent;
        }
        if (!origin.caller().scope().unrestricted()) {
            throw new IllegalStateException("A call of the restricted caller " + origin.caller().subject() + " carries no credential to ask other instances with");
        }
        return bearerToken.map(token -> "Bearer " + token);
    }

    private static QueryException failure(HostInfo host, String pathAndQuery, HttpResponse<String> answer) {
        LOG.warn("Instance {} answered {} to {}: {}", host, answer.statusCode(), pathAndQuery, answer.body());
        String message;
        try {
            message = Json.MAPPER.readTree(answer.body()).path("error").asText("");
        } catch (IOException e) {
            message = "";
        }
        return Failures.of(answer.statusCode(), message.isEmpty() ? "Another instance could not answer; ask again in a moment" : message);
    }

    private static JsonNode json(HostInfo host, String body) throws QueryException {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            LOG.warn("Instance {} answered something that is not JSON", host, e);
            throw new QueryException.Unavailable("Another instance answered something unreadable; ask again in a moment");
        }
    }
}
