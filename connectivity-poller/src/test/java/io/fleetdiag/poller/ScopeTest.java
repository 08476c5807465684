package io.fleetdiag.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void scopesAreMerchantAccountsOrStores() {
        assertThat(Scope.parse("AcmeRetail_EU")).isEqualTo(new Scope("AcmeRetail_EU", null));
        assertThat(Scope.parse("AcmeRetail_EU/EU-0001").key()).isEqualTo("AcmeRetail_EU/EU-0001");
        assertThatThrownBy(() -> Scope.parse("AcmeRetail_EU/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollerWithoutScopesDoesNotStart() {
        assertThatThrownBy(() -> PollerSettings.from(ServiceConfig.of(PollerSettings.defaults())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("poller.scopes");
        assertThat(PollerSettings.from(ServiceConfig.of(PollerSettings.defaults()).with("poller.scopes", "A, B/s"))
                .scopes()).containsExactly(new Scope("A", null), new Scope("B", "s"));
    }
}
