package io.fleetdiag.terminalapi;

import java.net.URI;

/** The base URL of an Adyen API as both clients take it: without a trailing slash, and never plain HTTP by accident. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /** {@code baseUrl} without a trailing slash; refused when it is plain HTTP and that was not allowed. */
    public static URI checked(URI baseUrl, boolean allowPlainHttp) {
        String url = baseUrl.toString();
        URI trimmed = url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : baseUrl;
        if ("http".equalsIgnoreCase(trimmed.getScheme()) && !allowPlainHttp) {
            throw new IllegalArgumentException("Refusing plain HTTP to " + trimmed
                    + ": the API key would travel unencrypted. Use https, or allow plain HTTP for the simulator only.");
        }
        return trimmed;
    }
}
