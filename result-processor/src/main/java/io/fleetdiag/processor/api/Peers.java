package io.fleetdiag.processor.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** The other instances of the application, asked over HTTP with this instance's bearer token. */
final class Peers {

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

    List<HostInfo> others() {
        return streams.get().metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self.get())).distinct().toList();
    }

    HttpResponse<String> get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
