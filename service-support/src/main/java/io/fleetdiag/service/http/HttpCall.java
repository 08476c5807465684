package io.fleetdiag.service.http;

import io.fleetdiag.service.access.Caller;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as a route sees it: {@code params} are the decoded values of its path template's
 * {@code {name}} segments, {@code query} has the first value of each parameter ({@code uri} has them all),
 * {@code body} is at most the endpoint's body limit, {@code caller} is who the credential names.
 */
public record HttpCall(String method, String path, Map<String, String> params, Map<String, String> query, Map<String, String> headers,
                       String body, URI uri, Caller caller) {

    public HttpCall {
        Objects.requireNonNull(caller, "caller");
        params = Map.copyOf(params);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A call with no path parameters, headers or body, e.g. to ask a query from code, as {@code caller}. */
    public static HttpCall get(String path, Map<String, String> query, Caller caller) {
        return new HttpCall("GET", path, Map.of(), query, Map.of(), "", URI.create(path), caller);
    }

    public String query(String name, String otherwise) {
        return query.getOrDefault(name, otherwise);
    }

    /** The value of the template's {@code {name}}. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no path parameter " + name);
        }
        return value;
    }

    /** A header, by its name in lower case. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
