package io.fleetdiag.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.notifier.Alerts;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingFileTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "PD_KEY", "R0UTINGKEY");
    static final String EXAMPLE = """
            receivers:
              - {name: alertmanager, type: alertmanager, url: "http://localhost:9093"}
              - {name: ops-hook, type: webhook, url: "https://ops.example.com/hooks/fleetdiag", secretEnv: HOOK_SECRET}
              - {name: pager, type: pagerduty, url: "https://events.pagerduty.com/v2/enqueue", secretEnv: PD_KEY}
            routes:
              - match: {}
                receivers: [alertmanager]
              - match: {severity: [CRITICAL], merchantAccount: [AcmeRetail_EU]}
                receivers: [pager, ops-hook]
            grouping: {groupWait: 30s, groupInterval: 5m}
            maintenance:
              - name: eu-closing
                match: {merchantAccount: [AcmeRetail_EU], store: [EU-0001]}
                zone: Europe/Amsterdam
                weekly:
                  - {days: [MON, TUE, WED, THU, FRI, SAT], from: "21:00", to: "07:00"}
                  - {days: [SUN], from: "00:00", to: "00:00"}
            reminder: {criticalUnacknowledgedAfter: 30m}
            """;

    @Test
    void theExampleRoutesByMatchAndKeepsQuietInItsWindowsAndForSilences() {
        Routing routing = RoutingFile.parse("routing.yaml", EXAMPLE, ENVIRONMENT);
        assertThat(routing.criticalReminder()).contains(Duration.ofMinutes(30));
        assertThat(routing.receivers()).extracting(Routing.ReceiverSpec::grouped).containsExactly(false, true, false);
        Router router = new Router(routing);
        // Thursday 2026-12-03 14:00 in Amsterdam: open
        TerminalAlert open = Alerts.raised("V400m-1", "EU-0001", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(router.route(Notification.of(open)).receivers()).containsExactly("alertmanager", "pager", "ops-hook");
        TerminalAlert warning = Alerts.raised("V400m-1", "EU-0001", AlertType.BATTERY_LOW, Severity.WARNING, Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(router.route(Notification.of(warning)).receivers()).containsExactly("alertmanager");
        TerminalAlert night = Alerts.raised("V400m-1", "EU-0001", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, Instant.parse("2026-12-03T22:30:00Z"));
        assertThat(router.route(Notification.of(night)).quietBecause()).contains("maintenance window eu-closing");
        assertThat(router.route(Notification.of(Alerts.resolved(night, Instant.parse("2026-12-04T09:00:00Z")))).quietBecause())
                .as("a resolution follows its raise, which was held").contains("maintenance window eu-closing");
        TerminalAlert otherStore = Alerts.raised("V400m-2", "EU-0002", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, Instant.parse("2026-12-03T22:30:00Z"));
        assertThat(router.route(Notification.of(otherStore)).quietBecause()).isEmpty();
        assertThat(router.route(Notification.of(Alerts.silenced(open, "silence-1"))).quietBecause()).contains("silenced");
    }

    @Test
    void aDegradedStoreHoldsItsTerminalsRaisesButNotTheirResolutions() {
        Router router = new Router(RoutingFile.parse("routing.yaml", EXAMPLE, ENVIRONMENT));
        Instant day = Instant.parse("2026-12-03T13:00:00Z");
        TerminalAlert store = TerminalAlert.newBuilder(Alerts.raised("x", "EU-0002", AlertType.STORE_DEGRADED, Severity.CRITICAL, day))
                .setPoiid(null).build();
        TerminalAlert terminal = Alerts.raised("V400m-9", "EU-0002", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, day);
        assertThat(router.route(Notification.of(store)).receivers()).contains("alertmanager");
        assertThat(router.route(Notification.of(terminal)).quietBecause()).contains("inhibited: store AcmeRetail_EU/EU-0002 is degraded");
        assertThat(router.route(Notification.of(Alerts.resolved(terminal, day.plusSeconds(60)))).quietBecause()).isEmpty();
        router.route(Notification.of(Alerts.resolved(store, day.plusSeconds(120))));
        assertThat(router.route(Notification.of(terminal)).quietBecause()).isEmpty();
    }

    @Test
    void aFleetLevelAlertWithoutTerminalOrStoreRoutesToTheCatchAll() {
        Router router = new Router(RoutingFile.parse("routing.yaml", EXAMPLE, ENVIRONMENT));
        TerminalAlert fleet = TerminalAlert.newBuilder(Alerts.raised("x", "x", AlertType.UNKNOWN, Severity.WARNING, Instant.now()))
                .setPoiid("").setMerchantAccount(null).setStore(null).build();
        Notification notification = Notification.of(fleet);
        assertThat(notification.groupKey()).isEqualTo("fleet");
        assertThat(router.route(notification).receivers()).containsExactly("alertmanager");
    }

    @Test
    void theExampleOfTheDocsIsAValidRoutingFile() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "notifications.md"));
        String example = doc.substring(doc.indexOf("<!-- example: routing -->"), doc.indexOf("<!-- end example -->"));
        String yaml = example.substring(example.indexOf("```yaml") + "```yaml".length(), example.lastIndexOf("```"));
        Routing routing = RoutingFile.parse("docs/notifications.md", yaml, Map.of("OPS_HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "PAGERDUTY_ROUTING_KEY", "R0UTINGKEY"));
        assertThat(routing.receivers()).extracting(Routing.ReceiverSpec::name).containsExactly("alertmanager", "ops-hook", "pager");
        assertThat(routing.maintenance()).singleElement().satisfies(window -> assertThat(window.weekly()).hasSize(2));
    }

    @Test
    void mistakesAreNamedWithTheirPlaceInTheFile() {
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("receivers: [pager, ops-hook]", "receivers: [pagr]"), ENVIRONMENT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("r.yaml at routes[1].receivers: no receiver is named 'pagr'");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("severity: [CRITICAL]", "severity: [URGENT]"), ENVIRONMENT))
                .hasMessage("r.yaml at routes[1].match.severity: must be INFO, WARNING or CRITICAL, not 'URGENT'");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("zone: Europe/Amsterdam", "zone: Mars/Olympus"), ENVIRONMENT))
                .hasMessageContaining("maintenance[0].zone: not a time zone: 'Mars/Olympus'");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("groupWait: 30s", "groupWayt: 30s"), ENVIRONMENT))
                .hasMessageStartingWith("r.yaml: unknown field 'groupWayt' at grouping.groupWayt; known fields: groupInterval, groupWait");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("from: \"21:00\"", "from: \"9pm\""), ENVIRONMENT))
                .hasMessageContaining("maintenance[0].weekly[0].from: must be a time of day as HH:MM, not '9pm'");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE, Map.of("HOOK_SECRET", "whsec_x")))
                .hasMessage("r.yaml at receivers[2].secretEnv: the environment variable PD_KEY is not set");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace("http://localhost:9093", "http://user:pw@localhost:9093"),
                ENVIRONMENT)).hasMessageContaining("must not carry credentials").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> RoutingFile.parse("r.yaml", EXAMPLE.replace(", secretEnv: HOOK_SECRET}", "}"), ENVIRONMENT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("r.yaml at receivers[1]: a webhook receiver is always signed: give its secret");
    }
}
