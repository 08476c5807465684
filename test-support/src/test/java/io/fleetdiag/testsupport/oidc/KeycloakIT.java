package io.fleetdiag.testsupport.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared Keycloak and its realm give each user the grants and scope the sign-in tests rely on. */
@ExtendWith(KeycloakExtension.class)
class KeycloakIT {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Keycloak first;

    @BeforeAll
    static void remember(Keycloak keycloak) {
        first = keycloak;
        LOG.info("Keycloak started in {} ms", keycloak.startTime().toMillis());
    }

    @Test
    void everyTestOfTheJvmSharesOneKeycloak(Keycloak keycloak) {
        assertThat(keycloak).isSameAs(first);
        assertThat(keycloak.startTime()).isPositive();
    }

    @Test
    void theOperatorMayDoEverythingEverywhere(Keycloak keycloak) throws Exception {
        JsonNode claims = claims(keycloak.accessToken(Keycloak.OPERATOR));
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims.path("aud").asText()).isEqualTo(Keycloak.API_AUDIENCE);
        assertThat(claims.path("preferred_username").asText()).isEqualTo(Keycloak.OPERATOR.username());
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("fleetdiag-admin", Keycloak.WHOLE_FLEET_ROLE);
        assertThat(claims.has(Keycloak.MERCHANT_ACCOUNTS_CLAIM)).isFalse();
    }

    @Test
    void theStoreManagerReadsOneMerchantAccount(Keycloak keycloak) throws Exception {
        JsonNode claims = claims(keycloak.accessToken(Keycloak.STORE_MANAGER));
        assertThat(claims.path("name").asText()).isEqualTo(Keycloak.STORE_MANAGER.name());
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("fleetdiag-viewer")
                .doesNotContain("fleetdiag-operator", "fleetdiag-admin", Keycloak.WHOLE_FLEET_ROLE);
        assertThat(strings(claims.path(Keycloak.MERCHANT_ACCOUNTS_CLAIM))).containsExactly(Keycloak.STORE_MANAGER_ACCOUNT);
    }

    @Test
    void theServiceTokenReadsTheWholeFleet(Keycloak keycloak) throws Exception {
        JsonNode claims = claims(keycloak.serviceToken());
        assertThat(claims.path("aud").asText()).isEqualTo(Keycloak.API_AUDIENCE);
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("fleetdiag-viewer", Keycloak.WHOLE_FLEET_ROLE);
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("a signed JWT").hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
