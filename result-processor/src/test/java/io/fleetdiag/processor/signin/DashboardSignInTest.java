package io.fleetdiag.processor.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.access.StaticTokens;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private JsonNode get(HttpEndpoint http, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void thePagesAreToldTheIssuerClientAndScopesWithoutACredentialAndTheCallerWithOne() throws Exception {
        DashboardSignIn signIn = DashboardSignIn.from(ServiceConfig.of(Map.of(DashboardSignIn.ISSUER, "https://login.example.com/realms/fleet",
                DashboardSignIn.CLIENT_ID, "fleetdiag-dashboard", DashboardSignIn.SCOPES, "openid, profile,email")));
        Caller manager = new Caller("sam", Set.of(Permission.READ), Scope.of(Set.of("AcmeRetail_US"), Set.of("EU-0001")));
        try (HttpEndpoint http = HttpEndpoint.start("127.0.0.1", 0, StaticTokens.of(List.of(new StaticTokens.Token("sams-token", manager))), signIn.routes())) {
            JsonNode config = get(http, "/api/sign-in", null);
            assertThat(config.path("mode").asText()).isEqualTo("oidc");
            assertThat(config.path("issuer").asText()).isEqualTo("https://login.example.com/realms/fleet");
            assertThat(config.path("clientId").asText()).isEqualTo("fleetdiag-dashboard");
            assertThat(config.path("scopes")).extracting(JsonNode::asText).containsExactly("openid", "profile", "email");

            JsonNode me = get(http, "/api/me", "sams-token");
            assertThat(me.path("subject").asText()).isEqualTo("sam");
            assertThat(me.path("permissions")).extracting(JsonNode::asText).containsExactly("fleet:read");
            assertThat(me.path("scope").path("all").asBoolean()).isFalse();
            assertThat(me.path("scope").path("merchantAccounts")).extracting(JsonNode::asText).containsExactly("AcmeRetail_US");
            assertThat(me.path("scope").path("stores")).extracting(JsonNode::asText).containsExactly("EU-0001");
        }
    }

    @Test
    void withoutAClientThePagesAskForAStaticTokenAndAClientWithoutAnIssuerStopsTheStart() throws Exception {
        try (HttpEndpoint http = HttpEndpoint.start("127.0.0.1", 0, StaticTokens.of(List.of(new StaticTokens.Token("t", Caller.local()))),
                DashboardSignIn.from(ServiceConfig.of(Map.of())).routes())) {
            assertThat(get(http, "/api/sign-in", null).path("mode").asText()).isEqualTo("token");
        }
        assertThatThrownBy(() -> DashboardSignIn.from(ServiceConfig.of(Map.of(DashboardSignIn.CLIENT_ID, "fleetdiag-dashboard"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DashboardSignIn.ISSUER);
    }
}
