package io.fleetdiag.service.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headers every reply carries: a Content-Security-Policy that lets pages load only the service's own
 * files, be framed by no one, and call only the service and the OIDC issuer (the dashboard's sign-in calls
 * the issuer's discovery and token endpoints from the browser); {@code nosniff}; {@code DENY} framing for
 * browsers without CSP; no referrer (a page's URL may hold an alert or terminal id). Replies that do not
 * say how to cache (API answers, errors) are {@code no-store}: they hold fleet data.
 *
 * @param connectOrigins origins besides the service's own that pages may call, e.g. {@code https://login.example.com}
 */
public record SecurityHeaders(List<String> connectOrigins) {

    public SecurityHeaders {
        connectOrigins = List.copyOf(connectOrigins);
    }

    /** Pages may call their own service only. */
    public static SecurityHeaders ownOriginOnly() {
        return new SecurityHeaders(List.of());
    }

    /** Pages may call the service and the origin of {@code issuer} (scheme, host and port: a CSP source has no path). */
    public static SecurityHeaders withIssuer(Optional<URI> issuer) {
        return new SecurityHeaders(issuer.map(uri -> List.of(uri.getScheme() + "://" + uri.getRawAuthority())).orElse(List.of()));
    }

    public String contentSecurityPolicy() {
        List<String> connect = new ArrayList<>(List.of("'self'"));
        connect.addAll(connectOrigins);
        return "default-src 'self'; connect-src " + String.join(" ", connect)
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    /** The headers for a reply; {@code setsCaching} when the reply says how it may be cached already. */
    public Map<String, String> headers(boolean setsCaching) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        if (!setsCaching) {
            headers.put("Cache-Control", "no-store");
        }
        return headers;
    }
}
