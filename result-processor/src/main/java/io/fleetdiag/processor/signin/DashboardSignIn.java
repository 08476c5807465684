package io.fleetdiag.processor.signin;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the dashboard signs in, and who it is signed in as. {@code GET /api/sign-in} (public: it holds no secret)
 * tells the pages the OIDC issuer ({@code http.oidc.issuer}, the one whose tokens the processor accepts), the
 * public client they sign in as and the scopes they ask for; without a client the pages ask for a static token.
 * {@code GET /api/me} answers the caller's subject, grants and scope, so that a page hides what its user may not do.
 */
public final class DashboardSignIn {

    public static final String CLIENT_ID = "dashboard.oidc.client-id";
    public static final String SCOPES = "dashboard.oidc.scopes";
    /** The issuer of the identity settings: the dashboard signs in where the tokens the processor accepts come from. */
    public static final String ISSUER = "http.oidc.issuer";
    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("Dashboard sign-in")
            .optional(CLIENT_ID, SettingType.STRING, "the OIDC client the dashboard signs in as at `" + ISSUER + "` (a public client: "
                    + "authorization code with PKCE S256, redirect URI `<processor>/dashboard/`); unset: the pages ask for a static token")
            .define(SCOPES, SettingType.LIST, "openid,profile", "the scopes the dashboard asks for when it signs in");

    private final Optional<Config> config;

    /** What the pages are told; {@code issuer} and {@code clientId} are both there or the pages use a static token. */
    public record Config(String issuer, String clientId, List<String> scopes) {
        public Config {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            scopes = List.copyOf(scopes);
        }
    }

    public DashboardSignIn(Optional<Config> config) {
        this.config = config;
    }

    /**
     * From the settings: a client id without an issuer is a mistake said at start-up, not a sign-in that fails later in
     * every browser.
     */
    public static DashboardSignIn from(ServiceConfig settings) {
        Optional<String> client = settings.find(CLIENT_ID).filter(value -> !value.isBlank());
        Optional<String> issuer = settings.find(ISSUER).filter(value -> !value.isBlank());
        if (client.isPresent() && issuer.isEmpty()) {
            throw new ConfigurationException(CLIENT_ID + " is set but " + ISSUER + " is not: the dashboard signs in at the issuer"
                    + " whose tokens the processor accepts");
        }
        List<String> scopes = settings.find(SCOPES).map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(scope -> !scope.isEmpty()).toList()).orElse(List.of("openid", "profile"));
        return new DashboardSignIn(client.map(id -> new Config(issuer.get(), id, scopes)));
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/sign-in", Permission.PUBLIC, "how the dashboard signs in: {\"mode\": \"oidc\", \"issuer\", \"clientId\", "
                        + "\"scopes\"} or {\"mode\": \"token\"}; no secrets", call -> signIn()),
                Route.get("/api/me", Permission.READ, "who calls: subject, permissions (grant names) and scope (all, or merchant accounts and stores)",
                        DashboardSignIn::me));
    }

    private Reply signIn() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (config.isEmpty()) {
            answer.put("mode", "token");
        } else {
            answer.put("mode", "oidc");
            answer.put("issuer", config.get().issuer());
            answer.put("clientId", config.get().clientId());
            answer.put("scopes", config.get().scopes());
        }
        return Reply.json(200, Json.write(answer));
    }

    private static Reply me(HttpCall call) {
        Caller caller = call.caller();
        Scope scope = caller.scope();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("all", scope.unrestricted());
        seen.put("merchantAccounts", scope.merchantAccounts().stream().sorted().toList());
        seen.put("stores", scope.stores().stream().sorted().toList());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", caller.subject());
        answer.put("permissions", Arrays.stream(Permission.values()).filter(caller.permissions()::contains).map(Permission::grant).toList());
        answer.put("scope", seen);
        return Reply.json(200, Json.write(answer));
    }
}
