package io.fleetdiag.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fleetdiag.service.http.Permission;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real issuer (discovery document, JWKS, RS256-signed tokens) served on loopback by mock-oauth2-server. */
class JwtAuthenticatorTest {

    static final String AUDIENCE = "fleetdiag";
    private static MockOAuth2Server issuer;
    private static String issuerUrl;
    private static JwtAuthenticator authenticator;

    @BeforeAll
    static void start() {
        issuer = new MockOAuth2Server();
        issuer.start();
        issuerUrl = issuer.issuerUrl("default").toString();
        authenticator = new JwtAuthenticator(JwtAuthenticator.Config.of(issuerUrl, AUDIENCE));
    }

    @AfterAll
    static void stop() {
        issuer.shutdown();
    }

    static String token(MockOAuth2Server issuer, String subject, Map<String, Object> claims) {
        return issuer.issueToken("default", subject, AUDIENCE, claims, 3600).serialize();
    }

    static Map<String, Object> roles(String... roles) {
        return Map.of("realm_access", Map.of("roles", List.of(roles)));
    }

    private static String refusal(String token) {
        Throwable refused = catchThrowable(() -> authenticator.authenticate(Optional.of(token)));
        assertThat(refused).isInstanceOf(Authenticator.Unauthenticated.class);
        assertThat(refused.getMessage()).doesNotContain(token).doesNotContain(token.substring(0, token.indexOf('.')));
        return refused.getMessage();
    }

    @Test
    void aValidTokenNamesItsSubjectRolesAndScope() throws Exception {
        Caller caller = authenticator.authenticate(Optional.of(token(issuer, "maria", Map.of(
                "realm_access", Map.of("roles", List.of("fleetdiag-viewer", "offline_access")),
                "fleetdiag_merchant_accounts", List.of("AcmeRetail_EU"), "fleetdiag_stores", "EU-0001 EU-0002"))));

        assertThat(caller.subject()).isEqualTo("maria");
        assertThat(caller.permissions()).containsExactly(Permission.READ);
        assertThat(caller.scope()).isEqualTo(Scope.of(Set.of("AcmeRetail_EU"), Set.of("EU-0001", "EU-0002")));
    }

    @Test
    void withoutScopeClaimsACallerSeesNothingUnlessARoleGivesTheWholeFleet() throws Exception {
        Caller scoped = authenticator.authenticate(Optional.of(token(issuer, "kim", roles("fleetdiag-operator"))));
        assertThat(scoped.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OPERATE, Permission.RUN_CHECKS);
        assertThat(scoped.scope().covers("AcmeRetail_EU", "EU-0001")).isFalse();

        Caller fleet = authenticator.authenticate(Optional.of(token(issuer, "ops", roles("fleetdiag-operator", "fleetdiag-fleet"))));
        assertThat(fleet.scope()).isEqualTo(Scope.ALL);

        Caller nobody = authenticator.authenticate(Optional.of(token(issuer, "guest", Map.of())));
        assertThat(nobody.permissions()).isEmpty();
    }

    @Test
    void aTamperedPayloadIsABadSignature() {
        String[] parts = token(issuer, "maria", roles("fleetdiag-viewer")).split("\\.");
        String payload = Base64URL.encode(new Base64URL(parts[1]).decodeToString()
                .replace("fleetdiag-viewer", "fleetdiag-admin")).toString();
        assertThat(refusal(parts[0] + "." + payload + "." + parts[2])).startsWith("Bad signature");
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheIssuersKeyIdIsABadSignature() throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(new URL(issuer.jwksUrl("default").toString())).getKeys().get(0);
        RSAKey forger = new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID()).type(JOSEObjectType.JWT).build(),
                validClaims().build());
        forged.sign(new RSASSASigner(forger));
        assertThat(refusal(forged.serialize())).startsWith("Bad signature");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String expired = issuer.issueToken("default", "maria", AUDIENCE, roles("fleetdiag-viewer"), -120).serialize();
        assertThat(refusal(expired)).startsWith("Expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = issuer.issueToken("default", "maria", "another-api", roles("fleetdiag-viewer"), 3600).serialize();
        assertThat(refusal(other)).isEqualTo("Wrong audience: the token is not meant for " + AUDIENCE);
    }

    @Test
    void aTokenOfAnotherIssuerSignedWithTrustedKeysIsRefused() {
        JwtAuthenticator expectingAnother = new JwtAuthenticator(new JwtAuthenticator.Config("https://login.example/realms/fleet", AUDIENCE,
                Optional.of(URI.create(issuer.jwksUrl("default").toString())), Set.of(JWSAlgorithm.RS256), Duration.ofSeconds(30),
                ClaimMapping.DEFAULT));
        assertThatThrownBy(() -> expectingAnother.authenticate(Optional.of(token(issuer, "maria", roles("fleetdiag-viewer")))))
                .isInstanceOf(Authenticator.Unauthenticated.class)
                .hasMessage("Wrong issuer: this service accepts tokens issued by https://login.example/realms/fleet");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(refusal(new PlainJWT(validClaims().build()).serialize())).startsWith("Algorithm not allowed: the token is unsigned (alg none)");
    }

    @Test
    void anHmacTokenKeyedWithTheIssuersPublicKeyIsRefused() throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(new URL(issuer.jwksUrl("default").toString())).getKeys().get(0);
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), validClaims().build());
        confused.sign(new MACSigner(published.toPublicKey().getEncoded()));
        assertThat(refusal(confused.serialize())).isEqualTo("Algorithm not allowed: HS256; allowed: ES256, RS256");
    }

    @Test
    void noTokenOrGarbageIsRefusedPlainly() {
        assertThatThrownBy(() -> authenticator.authenticate(Optional.empty())).hasMessage("Bearer token required");
        assertThat(refusal("abc.def.ghi")).isEqualTo("The bearer token is not a well-formed JWT");
    }

    @Test
    void anIssuerThatCannotBeReachedRefusesWithoutWaitingOnEveryRequest() {
        JwtAuthenticator unreachable = new JwtAuthenticator(JwtAuthenticator.Config.of("http://127.0.0.1:1/realms/gone", AUDIENCE));
        String token = token(issuer, "maria", roles("fleetdiag-viewer"));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> unreachable.authenticate(Optional.of(token)))
                    .hasMessage("The issuer's signing keys cannot be fetched now; try again later");
        }
    }

    @Test
    void onlyAsymmetricAlgorithmsCanBeConfigured() {
        assertThatThrownBy(() -> new JwtAuthenticator.Config(issuerUrl, AUDIENCE, Optional.empty(), Set.of(JWSAlgorithm.HS256),
                Duration.ZERO, ClaimMapping.DEFAULT)).hasMessageContaining("not HS256");
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer(issuerUrl).audience(AUDIENCE).subject("mallory")
                .claim("realm_access", Map.of("roles", List.of("fleetdiag-admin", "fleetdiag-fleet")))
                .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    }
}
