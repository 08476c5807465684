package io.fleetdiag.poller.webhooks;

import io.fleetdiag.poller.events.UnreadableBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.poller.inventory.TerminalUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fixtures in the shapes of Adyen's ManagementNotificationService-v3 (written here, not copied). */
class ManagementWebhookReaderTest {

    static final String ASSIGNMENT = """
            {"uniqueTerminalId":"V400m-324688179","pspReference":"GRC3GF8HJ5KGZH65","eventDate":"2026-12-05T21:40:00+01:00",\
            "assignedToAccount":"AcmeRetail_EU","assignedToStore":"EU-Amsterdam-1","assignedToStoreId":"ST322LJ223223K5F4SQNR9XL5"}""";
    static final String BOARDING = """
            {"createdAt":"2026-12-05T20:41:00Z","environment":"test","type":"terminalBoarding.triggered",\
            "data":{"companyId":"AcmeRetail","merchantId":"AcmeRetail_EU","storeId":"ST322LJ223223K5F4SQNR9XL5",\
            "uniqueTerminalId":"S1F2-000158212345678"}}""";
    static final String SETTINGS = """
            {"createdAt":"2026-12-05T20:42:00Z","environment":"test","type":"terminalSettings.modified",\
            "data":{"merchantId":"AcmeRetail_EU","terminalId":"V400m-324688179","updateSource":"Management Api","user":"ws@Company.AcmeRetail"}}""";

    @Test
    void readsAnAssignment() throws Exception {
        assertThat(ManagementWebhookReader.read(ASSIGNMENT)).contains(new TerminalUpdate("terminalAssignment.completed", "V400m-324688179",
                "AcmeRetail_EU", null, "ST322LJ223223K5F4SQNR9XL5", "boarded", Instant.parse("2026-12-05T20:40:00Z")));
    }

    @Test
    void anAssignmentWithoutStoreIsToTheAccountsInventory() throws Exception {
        String body = ASSIGNMENT.replace(",\"assignedToStore\":\"EU-Amsterdam-1\",\"assignedToStoreId\":\"ST322LJ223223K5F4SQNR9XL5\"", "");
        assertThat(ManagementWebhookReader.read(body)).hasValueSatisfying(update -> {
            assertThat(update.storeId()).isNull();
            assertThat(update.status()).isEqualTo("inventory");
        });
    }

    @Test
    void readsABoarding() throws Exception {
        assertThat(ManagementWebhookReader.read(BOARDING)).contains(new TerminalUpdate("terminalBoarding.triggered", "S1F2-000158212345678",
                "AcmeRetail_EU", "AcmeRetail", "ST322LJ223223K5F4SQNR9XL5", "boarded", Instant.parse("2026-12-05T20:41:00Z")));
    }

    @Test
    void readsASettingsChangeKeepingTheStatus() throws Exception {
        assertThat(ManagementWebhookReader.read(SETTINGS)).contains(new TerminalUpdate("terminalSettings.modified", "V400m-324688179",
                "AcmeRetail_EU", null, null, null, Instant.parse("2026-12-05T20:42:00Z")));
    }

    @Test
    void aSettingsChangeAboveTerminalLevelConcernsNoTerminal() throws Exception {
        assertThat(ManagementWebhookReader.read(SETTINGS.replace("\"terminalId\":\"V400m-324688179\",", ""))).isEmpty();
    }

    @Test
    void namesEachMissingPart() {
        malformed("[1]", "not a JSON object", null);
        malformed("{\"type\":", "not JSON", null);
        malformed(ASSIGNMENT.replace("\"uniqueTerminalId\":\"V400m-324688179\",", ""), "no uniqueTerminalId", null);
        malformed(ASSIGNMENT.replace("\"assignedToAccount\":\"AcmeRetail_EU\",", ""), "assignedToAccount is missing", "V400m-324688179");
        malformed(ASSIGNMENT.replace("\"eventDate\":\"2026-12-05T21:40:00+01:00\",", ""), "eventDate is missing", "V400m-324688179");
        malformed(ASSIGNMENT.replace("2026-12-05T21:40:00+01:00", "yesterday"), "eventDate is not a date-time: yesterday", "V400m-324688179");
        malformed(BOARDING.replace("\"data\":{", "\"other\":{"), "terminalBoarding.triggered: data is missing", null);
        malformed(BOARDING.replace(",\"uniqueTerminalId\":\"S1F2-000158212345678\"", ""), "data.uniqueTerminalId is missing", null);
        malformed(BOARDING.replace("\"companyId\":\"AcmeRetail\",", ""), "data.companyId is missing", "S1F2-000158212345678");
        malformed(BOARDING.replace("\"createdAt\":\"2026-12-05T20:41:00Z\",", ""), "terminalBoarding.triggered: createdAt is missing",
                "S1F2-000158212345678");
        malformed(SETTINGS.replace("\"createdAt\":\"2026-12-05T20:42:00Z\",", ""), "terminalSettings.modified: createdAt is missing",
                "V400m-324688179");
        malformed(BOARDING.replace("terminalBoarding.triggered", "merchant.created"), "Not a terminal webhook: type merchant.created", null);
    }

    private static void malformed(String body, String reason, String poiid) {
        assertThatThrownBy(() -> ManagementWebhookReader.read(body)).isInstanceOfSatisfying(UnreadableBody.class, e -> {
            assertThat(e.getMessage()).containsIgnoringCase(reason);
            assertThat(e.poiid().orElse(null)).isEqualTo(poiid);
        });
    }
}
