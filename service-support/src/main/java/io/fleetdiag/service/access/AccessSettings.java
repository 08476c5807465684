package io.fleetdiag.service.access;

import com.nimbusds.jose.JWSAlgorithm;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.Permission;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call a service's HTTP routes, from its settings: OIDC access tokens ({@link JwtAuthenticator}),
 * static service tokens ({@link StaticTokens}: {@code FLEETDIAG_HTTP_TOKEN}, one token that may do anything,
 * and {@code http.tokens.file}), both at once (a bearer shaped as a JWT goes to the issuer's check, any
 * other to the static tokens), or nobody at all. Closed by default: a service on an address other than
 * loopback with no identity configured refuses to start, and {@code http.auth=none} is only accepted on loopback.
 */
public final class AccessSettings {

    public static final String TOKEN_ENV = "FLEETDIAG_HTTP_TOKEN";
    public static final String AUTH = "http.auth";
    private static final Logger LOG = LoggerFactory.getLogger(AccessSettings.class);

    private AccessSettings() {
    }

    /** Adds the identity settings to a service's HTTP settings. */
    public static SettingsDefinition declare(SettingsDefinition http) {
        ClaimMapping claims = ClaimMapping.DEFAULT;
        return http
                .define(AUTH, SettingType.STRING, "auto", SettingCheck.oneOf("auto", "oidc", "token", "none"),
                        "who may call: `auto` takes what is configured (OIDC when `http.oidc.issuer` is set, static tokens when "
                                + "`FLEETDIAG_HTTP_TOKEN` or `http.tokens.file` is); `oidc` and `token` require theirs; `none` is no identity, "
                                + "accepted on a loopback `http.host` only. Without identity on any other address the service refuses to start")
                .optional("http.oidc.issuer", SettingType.URL, "the OIDC issuer whose access tokens are accepted, exactly as their `iss` says")
                .optional("http.oidc.audience", SettingType.STRING, "what a token's `aud` must hold (client id or API identifier)")
                .optional("http.oidc.jwks-uri", SettingType.URL, "the issuer's keys; empty means the `jwks_uri` of its discovery document")
                .define("http.oidc.algorithms", SettingType.LIST, "RS256,ES256", "signature algorithms accepted (RS, PS or ES 256/384/512; never `none` or HMAC)")
                .define("http.oidc.clock-skew", SettingType.DURATION, "30s", SettingCheck.notNegative(), "leeway on a token's `exp` and `nbf`")
                .define("http.oidc.subject-claim", SettingType.STRING, claims.subjectClaim(),
                        "the claim naming the caller, recorded as `by` (e.g. `preferred_username`)")
                .define("http.oidc.role-claims", SettingType.LIST, String.join(",", claims.roleClaims()),
                        "claims listing the caller's roles or groups; a dotted path reaches inside an object (Entra ID: `roles`, Okta: `groups`)")
                .define("http.oidc.role-grants", SettingType.STRING, grantsText(claims.roleGrants()),
                        "`role=grant,grant; role=grant`: what each role may do (grants: `fleet:read`, `alerts:operate`, `checks:run`, `admin`)")
                .define("http.oidc.whole-fleet-roles", SettingType.LIST, String.join(",", claims.wholeFleetRoles()),
                        "roles that see the whole fleet; everyone else sees only the accounts and stores their scope claims list, "
                                + "and nothing without them")
                .define("http.oidc.merchant-accounts-claim", SettingType.STRING, claims.merchantAccountsClaim(),
                        "the claim listing the merchant accounts the caller sees")
                .define("http.oidc.stores-claim", SettingType.STRING, claims.storesClaim(), "the claim listing the stores the caller sees")
                .optional("http.tokens.file", SettingType.PATH,
                        "named static tokens, one a line `name grants scope secret` (docs/security.md); secrets never go in the settings file");
    }

    /**
     * The authenticator the settings describe.
     *
     * @throws ConfigurationException when the settings are incomplete or wrong, or when they leave a service on a
     *                                non-loopback address without identity (the message says how to configure one)
     */
    public static Authenticator authenticator(ServiceConfig config, Map<String, String> environment) {
        String mode = config.find(AUTH).orElse("auto").toLowerCase(Locale.ROOT);
        String host = config.find("http.host").orElse("127.0.0.1");
        boolean loopback = loopback(host);
        if (mode.equals("none")) {
            if (!loopback) {
                throw new ConfigurationException("http.auth=none is only allowed on a loopback http.host, not on '" + host + "'; " + HOW);
            }
            LOG.warn("HTTP without identity (http.auth=none): anyone who reaches {} may do anything", host);
            return Authenticator.none();
        }
        Optional<JwtAuthenticator> oidc = mode.equals("token") ? Optional.empty() : oidc(config, mode.equals("oidc"));
        StaticTokens tokens = staticTokens(config, environment);
        if (mode.equals("token") && tokens.isEmpty()) {
            throw new ConfigurationException("http.auth=token but no token is configured: set " + TOKEN_ENV + " or http.tokens.file");
        }
        if (oidc.isEmpty() && tokens.isEmpty()) {
            if (!loopback) {
                throw new ConfigurationException("http.host is '" + host + "', not loopback, and no identity is configured; " + HOW);
            }
            return Authenticator.none();
        }
        if (oidc.isEmpty()) {
            return tokens;
        }
        JwtAuthenticator jwt = oidc.get();
        return tokens.isEmpty() ? jwt
                : token -> token.isPresent() && !JwtAuthenticator.looksLikeJwt(token.get()) ? tokens.authenticate(token) : jwt.authenticate(token);
    }

    private static final String HOW = "configure an identity: http.oidc.issuer and http.oidc.audience for OIDC access tokens, "
            + "or " + TOKEN_ENV + " / http.tokens.file for static tokens (docs/security.md); http.auth=none only with http.host=127.0.0.1";

    private static Optional<JwtAuthenticator> oidc(ServiceConfig config, boolean required) {
        Optional<String> issuer = config.find("http.oidc.issuer");
        if (issuer.isEmpty()) {
            if (required) {
                throw new ConfigurationException("http.auth=oidc needs http.oidc.issuer and http.oidc.audience");
            }
            return Optional.empty();
        }
        String audience = config.find("http.oidc.audience").orElseThrow(() -> new ConfigurationException(
                "http.oidc.issuer is set but http.oidc.audience is not: tokens are only accepted for a named audience"));
        try {
            ClaimMapping claims = new ClaimMapping(config.get("http.oidc.subject-claim"), config.list("http.oidc.role-claims"),
                    ClaimMapping.parseGrants(config.find("http.oidc.role-grants").orElse("")),
                    new HashSet<>(config.list("http.oidc.whole-fleet-roles")), config.get("http.oidc.merchant-accounts-claim"),
                    config.get("http.oidc.stores-claim"));
            return Optional.of(new JwtAuthenticator(new JwtAuthenticator.Config(issuer.get(), audience,
                    config.find("http.oidc.jwks-uri").map(URI::create),
                    config.list("http.oidc.algorithms").stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()),
                    config.duration("http.oidc.clock-skew"), claims)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("OIDC settings: " + e.getMessage(), e);
        }
    }

    private static StaticTokens staticTokens(ServiceConfig config, Map<String, String> environment) {
        List<StaticTokens.Token> tokens = new ArrayList<>();
        Optional.ofNullable(environment.get(TOKEN_ENV)).filter(token -> !token.isBlank()).ifPresent(token -> tokens.add(
                new StaticTokens.Token(token, new Caller("service-token", EnumSet.allOf(Permission.class), Scope.ALL))));
        Optional<String> file = config.find("http.tokens.file");
        try {
            if (file.isPresent()) {
                tokens.addAll(StaticTokens.read(Path.of(file.get())));
            }
            return StaticTokens.of(tokens);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read http.tokens.file " + file.get() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("http.tokens.file: " + e.getMessage(), e);
        }
    }

    /** Whether the address only this machine reaches; a name that does not resolve is not. */
    static boolean loopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String grantsText(Map<String, Set<Permission>> grants) {
        return grants.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue().stream().sorted().map(Permission::grant).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }
}
