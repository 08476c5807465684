package io.fleetdiag.terminalapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.terminalapi.request.DiagnosisRequestJson;
import io.fleetdiag.terminalapi.response.DiagnosisAnswerReader;
import io.fleetdiag.terminalapi.response.HttpStatusOutcome;
import io.fleetdiag.terminalapi.response.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * The Terminal API over {@link HttpClient#sendAsync}: no thread waits on a call, so thousands can be
 * in flight. HTTP/1.1 keeps one connection per concurrent call, with no per-host cap.
 */
final class HttpTerminalApiClient implements TerminalApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXECUTOR_THREADS = 4;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TerminalApiConfig config;
    private final ApiRoutes routes;
    private final HttpClient http;

    HttpTerminalApiClient(TerminalApiConfig config) {
        this.config = config;
        this.routes = ApiRoutes.of(config.flavour(), config.baseUrl());
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (config.trustStore() != null) {
            builder.sslContext(config.trustStore().sslContext());
        }
        this.http = builder
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // the default executor is a cached pool that grows a thread per exchange under load; a few suffice
                .executor(Executors.newFixedThreadPool(EXECUTOR_THREADS, runnable -> {
                    Thread thread = new Thread(runnable, "terminal-api-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Override
    public CompletableFuture<ConnectedTerminals> connectedTerminals(String merchantAccount, String store, String uniqueTerminalId) {
        Objects.requireNonNull(merchantAccount, "merchantAccount");
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = authorized(routes.connectedTerminals(merchantAccount, store, uniqueTerminalId,
                    DiagnosisRequestJson.connectedTerminals(merchantAccount, store, uniqueTerminalId)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ConnectedTerminals.failure(CallOutcome.REJECTED, null,
                    "cannot build the request: " + e.getMessage(), null, Duration.ZERO));
        }
        return http.sendAsync(request, BoundedBody.ofString()).handle((response, error) -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Optional<BoundedBody.TooLarge> tooLarge = BoundedBody.TooLarge.in(error);
            if (tooLarge.isPresent()) {
                return ConnectedTerminals.failure(CallOutcome.MALFORMED, tooLarge.get().status(), tooLarge.get().getMessage(), null, latency);
            }
            if (error != null) {
                Transport failure = Transport.of(error, config.requestTimeout());
                return ConnectedTerminals.failure(failure.outcome(), null, failure.message(), null, latency);
            }
            CallOutcome byStatus = HttpStatusOutcome.of(response.statusCode());
            if (byStatus != CallOutcome.SUCCESS) {
                return ConnectedTerminals.failure(byStatus, response.statusCode(),
                        HttpStatusOutcome.describe(response.statusCode(), response.body()), retryAfter(response), latency);
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body == null || !body.isObject()) {
                    throw new IllegalArgumentException("body is not a JSON object");
                }
                return ConnectedTerminals.success(routes.connectedIds(body, uniqueTerminalId), latency);
            } catch (IOException | IllegalArgumentException e) {
                return ConnectedTerminals.failure(CallOutcome.MALFORMED, response.statusCode(),
                        "not the documented answer: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), null, latency);
            }
        });
    }

    @Override
    public CompletableFuture<DiagnosisAnswer> diagnose(DiagnosisCall call) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = authorized(routes.sync(call, DiagnosisRequestJson.of(call)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DiagnosisAnswer.failure(CallOutcome.REJECTED, null,
                    "cannot build the request: " + e.getMessage(), null, Duration.ZERO));
        }
        return http.sendAsync(request, BoundedBody.ofString()).handle((response, error) -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Optional<BoundedBody.TooLarge> tooLarge = BoundedBody.TooLarge.in(error);
            if (tooLarge.isPresent()) {
                // an answer came, and it is not Adyen's: a failed result, not a call to repeat
                return DiagnosisAnswer.failure(CallOutcome.MALFORMED, tooLarge.get().status(), tooLarge.get().getMessage(), null, latency);
            }
            if (error != null) {
                Transport failure = Transport.of(error, config.requestTimeout());
                return failure.requestSent() ? DiagnosisAnswer.noAnswer(failure.message(), latency)
                        : DiagnosisAnswer.failure(failure.outcome(), null, failure.message(), null, latency);
            }
            return DiagnosisAnswerReader.read(response.statusCode(), response.body(), retryAfter(response), call.serviceId())
                    .withLatency(latency);
        });
    }

    private HttpRequest authorized(HttpRequest.Builder builder) {
        return builder.timeout(config.requestTimeout())
                .header("X-API-Key", config.apiKey().reveal())
                .header("Accept", "application/json")
                .build();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
    }

    /**
     * Why a call got no HTTP answer; all of these are worth another attempt later. {@code requestSent}
     * when the request may have reached Adyen and the terminal.
     */
    private record Transport(CallOutcome outcome, String message, boolean requestSent) {

        static Transport of(Throwable error, Duration requestTimeout) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof HttpConnectTimeoutException) {
                return new Transport(CallOutcome.RETRY_LATER, "could not connect: " + cause.getMessage(), false);
            }
            if (cause instanceof HttpTimeoutException) {
                return new Transport(CallOutcome.RETRY_LATER, "no answer within " + requestTimeout.toSeconds() + " s", true);
            }
            if (cause instanceof ConnectException) {
                return new Transport(CallOutcome.RETRY_LATER, "connection refused: " + cause.getMessage(), false);
            }
            if (cause instanceof SSLException) {
                return new Transport(CallOutcome.RETRY_LATER, "TLS with the endpoint failed (" + cause.getMessage()
                        + "); if it presents a certificate of a private CA, name a trust store holding it in adyen.truststore", false);
            }
            if (cause instanceof IOException) {
                return new Transport(CallOutcome.RETRY_LATER, "connection failed: " + cause, true);
            }
            return new Transport(CallOutcome.RETRY_LATER, "call failed: " + cause, true);
        }
    }
}
