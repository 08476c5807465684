package io.fleetdiag.service.http;

import java.util.Map;

/** An HTTP request as a route sees it; {@code rest} is the path after the route's prefix. */
public record HttpCall(String method, String path, String rest, Map<String, String> query, Map<String, String> headers, String body) {

    public String query(String name, String otherwise) {
        return query.getOrDefault(name, otherwise);
    }
}
