package io.fleetdiag.service.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's routes, each declared once. Two routes with the same method and the same template shape
 * are refused when the table is built; of several templates that match a path, the one with a literal
 * segment earliest wins ({@code /api/alerts/{alertId}} before {@code /api/{anything*}}).
 */
public final class RouteTable {

    /** A route found for a call, with its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    /** A route's template split once at start-up, so a call only compares segments. */
    private record Compiled(Route route, String[] segments, boolean wildcard) {
        Compiled(Route route, String[] segments) {
            this(route, segments, segments.length > 0 && segments[segments.length - 1].endsWith("*}"));
        }

        /** Literal segments as they are, parameters as {@code {}}, the wildcard as {@code *}: equal shapes clash. */
        String shape() {
            return route.method() + " " + String.join("/", Arrays.stream(segments).map(RouteTable::kind).toList());
        }

        Optional<Map<String, String>> match(String[] path) {
            int fixed = wildcard ? segments.length - 1 : segments.length;
            if (wildcard ? path.length < fixed : path.length != fixed) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < fixed; i++) {
                String segment = segments[i];
                if (segment.startsWith("{")) {
                    String value = decode(path[i]);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(segment.substring(1, segment.length() - 1), value);
                } else if (!segment.equals(path[i])) {
                    return Optional.empty();
                }
            }
            if (wildcard) {
                String last = segments[segments.length - 1];
                params.put(last.substring(1, last.length() - 2), decode(String.join("/", Arrays.copyOfRange(path, fixed, path.length))));
            }
            return Optional.of(params);
        }
    }

    private final List<Route> declared;
    private final List<Compiled> bySpecificity;

    public RouteTable(List<Route> routes) {
        this.declared = List.copyOf(routes);
        Map<String, Route> shapes = new LinkedHashMap<>();
        List<Compiled> compiled = new ArrayList<>();
        for (Route route : declared) {
            Compiled one = new Compiled(route, segments(route.path()));
            Route clash = shapes.putIfAbsent(one.shape(), route);
            if (clash != null) {
                throw new IllegalArgumentException("Routes clash: " + clash.method() + " " + clash.path() + " and " + route.method() + " " + route.path());
            }
            compiled.add(one);
        }
        compiled.sort(Comparator.comparing(one -> String.join("/", Arrays.stream(one.segments()).map(RouteTable::rank).toList())));
        this.bySpecificity = List.copyOf(compiled);
    }

    /** The routes in the order they were declared. */
    public List<Route> routes() {
        return declared;
    }

    /** The route for {@code method} on {@code path} (HEAD is answered as GET). */
    public Optional<Match> find(String method, String path) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        String[] parts = segments(path);
        for (Compiled one : bySpecificity) {
            if (one.route().method().equals(wanted)) {
                Optional<Map<String, String>> params = one.match(parts);
                if (params.isPresent()) {
                    return Optional.of(new Match(one.route(), params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route answers on {@code path}: empty when nothing is there. */
    public Set<String> allowed(String path) {
        String[] parts = segments(path);
        Set<String> methods = new TreeSet<>();
        bySpecificity.stream().filter(one -> one.match(parts).isPresent()).forEach(one -> methods.add(one.route().method()));
        return methods;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String kind(String segment) {
        return segment.endsWith("*}") ? "*" : segment.startsWith("{") ? "{}" : segment;
    }

    // literal before parameter before wildcard, segment by segment; '0' < '1' < '2'
    private static String rank(String segment) {
        return segment.endsWith("*}") ? "2" : segment.startsWith("{") ? "1" : "0";
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
