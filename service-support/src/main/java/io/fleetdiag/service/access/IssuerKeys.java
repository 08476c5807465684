package io.fleetdiag.service.access;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer's signing keys: its JWKS, cached and refetched (rate limited) when a token names a key it has
 * not seen, as nimbus's {@link JWKSourceBuilder} does. Where the JWKS is comes from configuration or else
 * from the issuer's discovery document, read on first use rather than at start, so a service does not
 * depend on its identity provider being up to start; a failed discovery is not retried for
 * {@link #RETRY_DISCOVERY}, so a provider that is down is not asked once per request.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    static final Duration RETRY_DISCOVERY = Duration.ofSeconds(10);
    private static final int TIMEOUT_MS = 3_000;
    private static final int SIZE_LIMIT = 512 * 1024;

    private final String issuer;
    private final Optional<URI> jwksUri;
    private final ResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
    private final Clock clock;
    private JWKSource<SecurityContext> keys;
    private Instant failedAt = Instant.MIN;
    private String failure = "";

    IssuerKeys(String issuer, Optional<URI> jwksUri, Clock clock) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keys().get(selector, context);
    }

    private synchronized JWKSource<SecurityContext> keys() throws KeySourceException {
        if (keys == null) {
            if (Duration.between(failedAt, clock.instant()).compareTo(RETRY_DISCOVERY) < 0) {
                throw new KeySourceException(failure);
            }
            try {
                URL url = jwksUri.orElseGet(this::discover).toURL();
                keys = JWKSourceBuilder.<SecurityContext>create(url, retriever).retrying(true).build();
            } catch (IOException | RuntimeException e) {
                failedAt = clock.instant();
                failure = e.getMessage();
                throw new KeySourceException(failure, e);
            }
        }
        return keys;
    }

    /** The {@code jwks_uri} of the issuer's discovery document, whose {@code issuer} must be the configured one. */
    private URI discover() {
        URI document = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            Map<String, Object> metadata = JSONObjectUtils.parse(retriever.retrieveResource(document.toURL()).getContent());
            if (!issuer.equals(metadata.get("issuer"))) {
                throw new IllegalStateException("The discovery document " + document + " names another issuer: " + metadata.get("issuer"));
            }
            if (!(metadata.get("jwks_uri") instanceof String jwks)) {
                throw new IllegalStateException("The discovery document " + document + " has no jwks_uri");
            }
            return URI.create(jwks);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read the issuer's discovery document " + document + ": " + e.getMessage(), e);
        }
    }
}
