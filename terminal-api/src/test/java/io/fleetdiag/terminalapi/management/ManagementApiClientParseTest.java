package io.fleetdiag.terminalapi.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.terminalapi.ApiKey;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagementApiClientParseTest {

    private static final String PAGE = """
            {"_links":{"self":{"href":"https://management-test.adyen.com/v3/terminals?pageNumber=1&pageSize=2"},
             "next":{"href":"https://management-test.adyen.com/v3/terminals?pageNumber=2&pageSize=2"}},
             "data":[{"id":"V400m-080020970","model":"V400m","serialNumber":"080020970","firmwareVersion":"Verifone_VOS 1.57.6",
               "assignment":{"companyId":"YOUR_COMPANY_ID","merchantId":"YOUR_MERCHANT_ID","storeId":"YOUR_STORE_ID",
                 "status":"reassignmentInProgress","reassignmentTarget":{"inventory":false,"storeId":"OTHER_STORE"}},
               "connectivity":{"ethernet":{"ipAddress":"192.168.0.10"}},
               "lastActivityAt":"2022-08-09T12:44:11+02:00","lastTransactionAt":"2022-08-08T21:44:00+02:00",
               "restartLocalTime":"03:00"},
              {"model":"P400Plus"},
              {"id":"P400Plus-275426191","assignment":{"status":"deployed"},"lastActivityAt":"not a date","restartLocalTime":"3 am"}],
             "itemsTotal":3,"pagesTotal":2}""";

    @Test
    void aPageKeepsEveryDocumentedFieldAndSkipsTerminalsWithoutId() throws Exception {
        TerminalPage page = ManagementApiClient.parse(PAGE);

        assertThat(page.itemsTotal()).isEqualTo(3);
        assertThat(page.pagesTotal()).isEqualTo(2);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.terminals()).hasSize(2);
        InventoryTerminal first = page.terminals().get(0);
        assertThat(first.id()).isEqualTo("V400m-080020970");
        assertThat(first.model()).isEqualTo("V400m");
        assertThat(first.serialNumber()).isEqualTo("080020970");
        assertThat(first.firmwareVersion()).isEqualTo("Verifone_VOS 1.57.6");
        assertThat(first.companyId()).isEqualTo("YOUR_COMPANY_ID");
        assertThat(first.merchantId()).isEqualTo("YOUR_MERCHANT_ID");
        assertThat(first.storeId()).isEqualTo("YOUR_STORE_ID");
        assertThat(first.status()).isEqualTo("reassignmentInProgress");
        assertThat(first.reassignmentTarget()).contains("OTHER_STORE");
        assertThat(first.connectivity()).contains("192.168.0.10");
        assertThat(first.lastActivityAt()).isEqualTo(Instant.parse("2022-08-09T10:44:11Z"));
        assertThat(first.lastTransactionAt()).isEqualTo(Instant.parse("2022-08-08T19:44:00Z"));
        assertThat(first.restartLocalTime()).isEqualTo("03:00");
        InventoryTerminal second = page.terminals().get(1);
        assertThat(second.status()).isEqualTo("deployed");
        assertThat(second.lastActivityAt()).isNull();
        assertThat(second.merchantId()).isNull();
        assertThat(second.restartLocalTime()).as("not HH:mm: the global restart hour holds").isNull();
    }

    @Test
    void anAnswerThatIsNotAPageIsRefused() {
        assertThatThrownBy(() -> ManagementApiClient.parse("<html>502</html>")).isInstanceOf(ManagementApiException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ManagementApiClient.parse("{\"data\":[]}")).isInstanceOf(ManagementApiException.class)
                .hasMessageContaining("itemsTotal");
    }

    @Test
    void endpointsKeysAndPlainHttp() {
        assertThat(ManagementApiConfig.resolve("test")).isEqualTo(URI.create("https://management-test.adyen.com/v3"));
        assertThat(ManagementApiConfig.resolve("LIVE")).isEqualTo(URI.create("https://management-live.adyen.com/v3"));
        assertThat(ManagementApiConfig.resolve("http://127.0.0.1:8089/v3/")).hasToString("http://127.0.0.1:8089/v3/");
        assertThatThrownBy(() -> ManagementApiConfig.resolve("live-us")).hasMessageContaining("test, live or a URL");
        assertThat(ManagementApiConfig.keyFromEnvironment(Map.of("MANAGEMENT_API_KEY", "m-key", "ADYEN_API_KEY", "t-key")))
                .hasValueSatisfying(key -> assertThat(key.reveal()).isEqualTo("m-key"));
        assertThat(ManagementApiConfig.keyFromEnvironment(Map.of("ADYEN_API_KEY", "t-key"))).isEmpty();
        assertThatThrownBy(() -> new ManagementApiConfig(URI.create("http://example.com/v3"), ApiKey.of("k"),
                ManagementApiConfig.DEFAULT_REQUEST_TIMEOUT, false, null)).hasMessageContaining("Refusing plain HTTP");
        ManagementApiConfig config = new ManagementApiConfig(URI.create("https://x/v3/"), ApiKey.of("secret-value"),
                ManagementApiConfig.DEFAULT_REQUEST_TIMEOUT, false, null);
        assertThat(config.baseUrl()).hasToString("https://x/v3");
        assertThat(config.toString()).doesNotContain("secret-value");
    }
}
