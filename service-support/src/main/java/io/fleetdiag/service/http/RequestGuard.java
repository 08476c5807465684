package io.fleetdiag.service.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a state-changing request (POST, PUT, DELETE) must show before it is routed, against cross-site
 * form posts and DNS rebinding: a {@code Host} that is the service's own (an IP address, {@code localhost},
 * or a name in {@link #hosts}; else 421), an {@code Origin}, when a browser sends one, of that same host
 * (else 403), and a body, when there is one, typed {@code application/json} (else 415), which a page on
 * another site cannot send without the browser asking first. Callers without a browser (the CLI, other
 * services) send no {@code Origin}. Reads are not checked: they change nothing, and need a bearer token no
 * foreign page holds.
 *
 * @param hosts further names, lower case, by which clients reach the service; {@code *} allows any
 */
public record RequestGuard(Set<String> hosts) {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ANY = "*";

    public RequestGuard {
        hosts = hosts.stream().map(String::trim).filter(host -> !host.isEmpty()).map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Loopback names and IP addresses only. */
    public static RequestGuard ownAddresses() {
        return new RequestGuard(Set.of());
    }

    /** Any {@code Host} (a tool whose callers use names no one configures); Origin and content type are still checked. */
    public static RequestGuard anyHost() {
        return new RequestGuard(Set.of(ANY));
    }

    public static boolean changesState(String method) {
        return STATE_CHANGING.contains(method);
    }

    /**
     * The refusal of a request, if it is one.
     *
     * @param host        the {@code Host} header (HTTP/2's {@code :authority}), host and port
     * @param origin      the {@code Origin} header, or null
     * @param contentType the {@code Content-Type} header, or null
     * @param hasBody     whether the request has a body
     */
    public Optional<Reply> refusal(String method, String host, String origin, String contentType, boolean hasBody) {
        if (!changesState(method)) {
            return Optional.empty();
        }
        String name = hostName(host == null ? "" : host);
        if (!allows(name)) {
            return Optional.of(Reply.error(421, "This service does not answer for the host '" + name
                    + "'; add it to http.allowed-hosts if clients reach the service by that name"));
        }
        if (origin != null && !sameOrigin(origin, host)) {
            return Optional.of(Reply.error(403, "Cross-origin " + method + " refused: the page at " + origin + " is not this service's"));
        }
        if (hasBody && !json(contentType)) {
            return Optional.of(Reply.error(415, "The body must be Content-Type: application/json, not "
                    + (contentType == null ? "untyped" : contentType)));
        }
        return Optional.empty();
    }

    private boolean allows(String name) {
        return hosts.contains(ANY) || name.equals("localhost") || name.endsWith(".localhost") || IPV4.matcher(name).matches()
                || name.startsWith("[") || hosts.contains(name);
    }

    /** Host and port of the page against host and port asked for; the scheme may differ behind a TLS proxy. */
    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            String page = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 || defaultPort(uri.getPort()) ? "" : ":" + uri.getPort());
            return page.equals(authority(host));
        } catch (Exception e) {
            return false;
        }
    }

    private static String authority(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        if (colon > lower.lastIndexOf(']')) {
            String port = lower.substring(colon + 1);
            if (port.equals("80") || port.equals("443")) {
                return lower.substring(0, colon);
            }
        }
        return lower;
    }

    private static boolean defaultPort(int port) {
        return port == 80 || port == 443;
    }

    private static String hostName(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        String name = colon > lower.lastIndexOf(']') ? lower.substring(0, colon) : lower;
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
