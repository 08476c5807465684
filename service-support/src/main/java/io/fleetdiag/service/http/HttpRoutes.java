package io.fleetdiag.service.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything a service serves, by path prefix: answered routes, event streams (which also accept the
 * token as {@code ?access_token=}, since a browser's EventSource cannot send headers) and static files
 * (served without the token: they hold no data).
 */
public record HttpRoutes(Map<String, Route> routes, Map<String, StreamRoute> streams, Map<String, ClasspathFiles> files) {

    public HttpRoutes {
        routes = Map.copyOf(routes);
        streams = Map.copyOf(streams);
        files = Map.copyOf(files);
    }

    public static HttpRoutes of(Map<String, Route> routes) {
        return new HttpRoutes(routes, Map.of(), Map.of());
    }

    /** These routes with {@code more} answered as well. */
    public HttpRoutes plus(Map<String, Route> more) {
        Map<String, Route> all = new HashMap<>(routes);
        all.putAll(more);
        return new HttpRoutes(all, streams, files);
    }
}
