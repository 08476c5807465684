package io.fleetdiag.service.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates OIDC access tokens (signed JWTs) of one issuer and names their {@link Caller} by a
 * {@link ClaimMapping}. A token is accepted only when its algorithm is one of the allowed asymmetric ones
 * (so neither {@code alg:none} nor an HMAC keyed with the issuer's public key gets through), its signature
 * verifies with a key of the issuer's JWKS, its {@code iss} is the issuer, its {@code aud} holds the
 * audience, and it is within its {@code exp}/{@code nbf} give or take the clock skew. Each refusal says
 * which of these failed and never repeats the token.
 * <p>
 * From settings: {@code AccessSettings.authenticator(config, environment)}, or directly
 * {@code new JwtAuthenticator(JwtAuthenticator.Config.of(issuer, audience))}.
 */
public final class JwtAuthenticator implements Authenticator {

    /** The asymmetric algorithms a configuration may allow: RSA PKCS#1, RSA-PSS and ECDSA. */
    public static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(new LinkedHashSet<>(List.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512)));
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    /**
     * @param issuer     the {@code iss} accepted, exactly; also where discovery starts when {@code jwksUri} is empty
     * @param audience   the value {@code aud} must hold (the client id or API identifier the provider puts there)
     * @param algorithms allowed signature algorithms, each in {@link #ASYMMETRIC}
     */
    public record Config(String issuer, String audience, Optional<URI> jwksUri, Set<JWSAlgorithm> algorithms, Duration clockSkew,
                         ClaimMapping claims) {

        public Config {
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("An OIDC configuration names its issuer and audience");
            }
            Objects.requireNonNull(jwksUri, "jwksUri");
            algorithms = Set.copyOf(algorithms);
            if (algorithms.isEmpty() || !ASYMMETRIC.containsAll(algorithms)) {
                throw new IllegalArgumentException("Allowed algorithms must be some of " + names(ASYMMETRIC) + ", not " + names(algorithms));
            }
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("The clock skew cannot be negative");
            }
            Objects.requireNonNull(claims, "claims");
        }

        /** RS256 or ES256, 30 s of clock skew, discovery from the issuer, {@link ClaimMapping#DEFAULT}. */
        public static Config of(String issuer, String audience) {
            return new Config(issuer, audience, Optional.empty(), Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), Duration.ofSeconds(30),
                    ClaimMapping.DEFAULT);
        }
    }

    private final Config config;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;

    public JwtAuthenticator(Config config) {
        this(config, Clock.systemUTC());
    }

    JwtAuthenticator(Config config, Clock clock) {
        this(config, new IssuerKeys(config.issuer(), config.jwksUri(), clock), clock);
    }

    private JwtAuthenticator(Config config, JWKSource<SecurityContext> keys, Clock clock) {
        this.config = config;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(config.algorithms(), keys));
        // RFC 9068 access tokens say at+jwt; Keycloak, Entra ID and Okta say JWT
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        // the claims are checked below, after the signature, each with its own message
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** Whether a bearer token has the shape of a JWS (three base64url parts), so it is for this authenticator rather than a static token. */
    public static boolean looksLikeJwt(String token) {
        return token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    }

    @Override
    public Caller authenticate(Optional<String> bearerToken) throws Unauthenticated {
        String token = bearerToken.orElseThrow(() -> new Unauthenticated("Bearer token required"));
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Unauthenticated("The bearer token is not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new Unauthenticated("Algorithm not allowed: the token is unsigned (alg none); allowed: " + names(config.algorithms()));
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw new Unauthenticated("Encrypted tokens are not accepted; send a signed access token");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!config.algorithms().contains(algorithm)) {
            throw new Unauthenticated("Algorithm not allowed: " + algorithm + "; allowed: " + names(config.algorithms()));
        }
        JWTClaimsSet claims = verified(signed);
        check(claims);
        return config.claims().caller(claims.toJSONObject());
    }

    private JWTClaimsSet verified(SignedJWT signed) throws Unauthenticated {
        try {
            return processor.process(signed, null);
        } catch (KeySourceException e) {
            LOG.warn("The signing keys of {} cannot be had: {}", config.issuer(), e.getMessage());
            throw new Unauthenticated("The issuer's signing keys cannot be fetched now; try again later");
        } catch (BadJWSException e) {
            throw new Unauthenticated("Bad signature: the token's signature does not verify with the issuer's keys");
        } catch (BadJOSEException e) {
            boolean type = e.getMessage() != null && e.getMessage().contains("typ");
            throw new Unauthenticated(type ? "The token's type (typ) is not that of an access token"
                    : "Bad signature: no key of the issuer matches the token");
        } catch (JOSEException e) {
            throw new Unauthenticated("Bad signature: the token cannot be verified");
        }
    }

    private void check(JWTClaimsSet claims) throws Unauthenticated {
        if (!config.issuer().equals(claims.getIssuer())) {
            throw new Unauthenticated("Wrong issuer: this service accepts tokens issued by " + config.issuer());
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(config.audience())) {
            throw new Unauthenticated("Wrong audience: the token is not meant for " + config.audience());
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new Unauthenticated("The token has no expiry (exp)");
        }
        if (now.minus(config.clockSkew()).isAfter(expiry.toInstant())) {
            throw new Unauthenticated("Expired: the token expired at " + expiry.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(config.clockSkew()).isBefore(notBefore.toInstant())) {
            throw new Unauthenticated("The token is not valid before " + notBefore.toInstant());
        }
    }

    private static String names(Set<JWSAlgorithm> algorithms) {
        return algorithms.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", "));
    }
}
