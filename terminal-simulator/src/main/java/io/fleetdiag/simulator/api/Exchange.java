package io.fleetdiag.simulator.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One HTTP request and the means to answer it, now or later from another thread. */
record Exchange(Request request, Response response, Callback callback) {

    private static final int MAX_BODY = 1 << 20;

    String method() {
        return request.getMethod();
    }

    String path() {
        return Request.getPathInContext(request);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    String query(String name) {
        Fields fields = Request.extractQueryParameters(request);
        return fields.getValue(name);
    }

    CompletableFuture<String> body() {
        return Content.Source.asByteArrayAsync(request, MAX_BODY).thenApply(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    void json(int status, String body) {
        reply(status, "application/json", body);
    }

    void reply(int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    void retryAfter(int seconds) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(seconds));
    }
}
