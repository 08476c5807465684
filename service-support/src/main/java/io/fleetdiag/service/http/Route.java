package io.fleetdiag.service.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * One route: method, path template ({@code /api/terminals/{poiid}/alerts}; a last segment
 * {@code {name*}} takes the rest of the path), the permission it needs, one line of documentation (the
 * API tables in docs/ are generated from it), what answers it, and the largest body it takes: {@link #SMALL_BODY}
 * unless the route takes a body ({@link #accepting}), so a caller cannot make the service read much it has no use for.
 */
public record Route(String method, String path, Permission permission, String doc, Target target, int maxBody) {

    /** The body limit of a route that does not ask for more: room for a short JSON object, nothing more. */
    public static final int SMALL_BODY = 1024;

    private static final Pattern TEMPLATE = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}))*(/\\{[A-Za-z][A-Za-z0-9]*\\*})?");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

    /** Answers a call on the calling thread. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(HttpCall call) throws Exception;
    }

    /** Answers a call later, e.g. after a simulated latency, from any thread. */
    @FunctionalInterface
    public interface Deferred {
        CompletionStage<Reply> handle(HttpCall call) throws Exception;
    }

    /** What answers a route: a reply, now or later, or an event stream that stays open. */
    public sealed interface Target {
    }

    public record Answer(Deferred handler) implements Target {
        public Answer {
            Objects.requireNonNull(handler, "handler");
        }
    }

    public record Stream(StreamRoute route) implements Target {
        public Stream {
            Objects.requireNonNull(route, "route");
        }
    }

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("Route " + path + ": method " + method + " is not one of " + METHODS);
        }
        if (path.isEmpty() || !TEMPLATE.matcher(path).matches()) {
            throw new IllegalArgumentException("Route " + method + " " + path + ": not a path template such as /api/terminals/{poiid}");
        }
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(target, "target");
        if (doc == null || doc.isBlank() || doc.contains("\n")) {
            throw new IllegalArgumentException("Route " + method + " " + path + " needs one line of documentation");
        }
        if (maxBody < 0) {
            throw new IllegalArgumentException("Route " + method + " " + path + ": the body limit cannot be negative: " + maxBody);
        }
    }

    public Route(String method, String path, Permission permission, String doc, Target target) {
        this(method, path, permission, doc, target, SMALL_BODY);
    }

    /** This route, taking bodies of up to {@code bytes}. */
    public Route accepting(int bytes) {
        return new Route(method, path, permission, doc, target, bytes);
    }

    public static Route get(String path, Permission permission, String doc, Handler handler) {
        return answered("GET", path, permission, doc, handler);
    }

    public static Route post(String path, Permission permission, String doc, Handler handler) {
        return answered("POST", path, permission, doc, handler);
    }

    public static Route delete(String path, Permission permission, String doc, Handler handler) {
        return answered("DELETE", path, permission, doc, handler);
    }

    /** A route answered later, by {@code handler}'s stage. */
    public static Route later(String method, String path, Permission permission, String doc, Deferred handler) {
        return new Route(method, path, permission, doc, new Answer(handler));
    }

    /** A Server-Sent Events stream; its credential comes in the Authorization header like every route's (the dashboard reads it with fetch). */
    public static Route stream(String path, Permission permission, String doc, StreamRoute stream) {
        return new Route("GET", path, permission, doc, new Stream(stream));
    }

    /** The static files of {@code files} under {@code prefix} ({@code prefix} itself redirects to the folder); public, they hold no data. */
    public static List<Route> files(String prefix, String doc, ClasspathFiles files) {
        return List.of(
                get(prefix, Permission.PUBLIC, "redirects to " + prefix + "/", call -> Reply.redirect(prefix + "/")),
                get(prefix + "/{file*}", Permission.PUBLIC, doc, call -> files.find(call.param("file"))
                        .map(file -> new Reply(200, file.contentType(), file.bytes(), Map.of("Cache-Control", "no-cache")))
                        .orElse(Reply.error(404, "No file " + call.path()))));
    }

    private static Route answered(String method, String path, Permission permission, String doc, Handler handler) {
        return new Route(method, path, permission, doc, new Answer(call -> CompletableFuture.completedFuture(handler.handle(call))));
    }

    /** The stream of a {@link Stream} route. */
    Optional<StreamRoute> stream() {
        return target instanceof Stream stream ? Optional.of(stream.route()) : Optional.empty();
    }
}
