package io.fleetdiag.launcher.client;

import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.launcher.CommandRun;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code fleetdiag ack|silence|silences|unsilence} read their options and what they send to the REST API. */
class AlertOperationCommandsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static SilenceCommand silence(String... args) {
        SilenceCommand command = new SilenceCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void aStoreAndTypeSilenceForALengthBecomesAnEndTimeFromNow() {
        Map<String, Object> body = silence("--store", "AcmeRetail_EU/EU-0001", "--type", "terminal_offline", "--for", "2h",
                "--reason", "network works").body(NOW);

        assertThat(body).containsExactly(Map.entry("merchantAccount", "AcmeRetail_EU"), Map.entry("store", "EU-0001"),
                Map.entry("type", "TERMINAL_OFFLINE"), Map.entry("until", "2026-11-23T12:00:00Z"),
                Map.entry("reason", "network works"));
    }

    @Test
    void aTerminalSilenceUntilAMomentAndTheLengthsAccepted() {
        assertThat(silence("--terminal", "V400m-1", "--until", "2026-11-24T06:00:00Z").body(NOW))
                .containsExactly(Map.entry("poiid", "V400m-1"), Map.entry("until", "2026-11-24T06:00:00Z"));
        assertThat(silence("--store", "AcmeRetail_EU", "--for", "1d").body(NOW))
                .containsEntry("merchantAccount", "AcmeRetail_EU").doesNotContainKey("store");
        assertThat(SilenceCommand.length("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SilenceCommand.length("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SilenceCommand.length("2d12h")).isEqualTo(Duration.ofHours(60));
        assertThat(SilenceCommand.length("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aSilenceWithoutScopeOrEndOrWithTwoEndsOrNamingWhoIsAUsageError() {
        assertThatThrownBy(() -> silence("--for", "2h").body(NOW)).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--terminal, --store and/or --type");
        assertThatThrownBy(() -> silence("--terminal", "V400m-1", "--for", "soon").body(NOW))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--for must be a length");
        assertThatThrownBy(() -> silence("--terminal", "V400m-1")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> silence("--terminal", "V400m-1", "--for", "2h", "--until", "2026-11-24T06:00:00Z"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> silence("--terminal", "V400m-1", "--for", "2h", "--by", "Ana"))
                .as("who silences is the credential's subject, not an option").isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void ackPostsTheNoteAndShowsWhoTheProcessorRecordedAndAnApiRefusalIsOneLineWithANonZeroExit() throws Exception {
        List<HttpCall> calls = new ArrayList<>();
        try (HttpEndpoint api = HttpEndpoint.start("127.0.0.1", 0, Authenticator.none(), List.of(Route.post("/api/alerts/{alertId}/ack", Permission.OPERATE, "ack", call -> {
            calls.add(call);
            return call.param("alertId").startsWith("resolved")
                    ? Reply.error(409, "Alert resolved-1 is already resolved (at 2026-11-23T09:00:00Z)")
                    : Reply.json(200, "{\"alertId\":\"a-1\",\"poiid\":\"V400m-1\",\"type\":\"BATTERY_LOW\",\"acknowledgedBy\":\"" + call.caller().subject() + "\"}");
        })))) {
            String url = "http://127.0.0.1:" + api.port();
            CommandRun ok = CommandRun.of("ack", "a-1", "--note", "charger ordered", "--api", url);
            CommandRun refused = CommandRun.of("ack", "resolved-1", "--api", url);

            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("Acknowledged BATTERY_LOW a-1 of V400m-1 as " + Caller.local().subject());
            assertThat(calls.get(0).method()).isEqualTo("POST");
            assertThat(calls.get(0).param("alertId")).isEqualTo("a-1");
            JsonNode body = Json.MAPPER.readTree(calls.get(0).body());
            assertThat(body.has("by")).isFalse();
            assertThat(body.path("note").asText()).isEqualTo("charger ordered");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err().strip()).isEqualTo("fleetdiag: Alert resolved-1 is already resolved (at 2026-11-23T09:00:00Z) (HTTP 409)");
        }
    }

    @Test
    void silencesAndUnsilenceListAndEnd() throws Exception {
        List<HttpCall> calls = new ArrayList<>();
        try (HttpEndpoint api = HttpEndpoint.start("127.0.0.1", 0, Authenticator.none(), List.of(
                Route.get("/api/silences", Permission.READ, "list", call -> {
                    calls.add(call);
                    return Reply.json(200, "{\"page\":0,\"size\":50,\"total\":1,\"items\":[{\"silenceId\":\"silence-1\",\"poiid\":null,\"merchantAccount\":\"AcmeRetail_EU\",\"store\":\"EU-0001\","
                            + "\"type\":\"PRINTER_FAULT\",\"until\":\"2026-11-23T12:00:00Z\",\"by\":\"Ana\",\"reason\":\"paper late\",\"active\":true}]}");
                }),
                Route.delete("/api/silences/{silenceId}", Permission.OPERATE, "end", call -> {
                    calls.add(call);
                    return Reply.json(200, "{\"silenceId\":\"silence-1\",\"endedBy\":\"" + call.caller().subject() + "\"}");
                })))) {
            String url = "http://127.0.0.1:" + api.port();
            CommandRun listed = CommandRun.of("silences", "--api", url);
            CommandRun ended = CommandRun.of("unsilence", "silence-1", "--api", url);

            assertThat(listed.out()).contains("silence-1  until 2026-11-23T12:00:00Z  store AcmeRetail_EU/EU-0001, type PRINTER_FAULT  by Ana: paper late");
            assertThat(ended.exit()).as(ended.err()).isZero();
            assertThat(ended.out()).contains("Ended silence silence-1 as " + Caller.local().subject());
            assertThat(calls.get(1).method()).isEqualTo("DELETE");
            assertThat(calls.get(1).param("silenceId")).isEqualTo("silence-1");
            assertThat(calls.get(1).query()).isEmpty();
        }
    }

    @Test
    void followingShowsOnlyNewAlertsThatPageUnlessAskedForSilencedOnes() {
        TerminalAlert silenced = TerminalAlert.newBuilder().setAlertId("a-1").setStatus(AlertStatus.RAISED).setType(AlertType.BATTERY_LOW)
                .setSeverity(Severity.WARNING).setSummary("Battery at 10 %").setRemediation("Recharge it.").setRaisedAt(NOW).setEventTime(NOW)
                .setSilenced(true).setSilenceId("silence-1").setPaging(false).build();
        AlertsCommand following = new AlertsCommand();
        new CommandLine(following).parseArgs("--follow");
        AlertsCommand everything = new AlertsCommand();
        new CommandLine(everything).parseArgs("--follow", "--include-silenced");
        AlertsCommand history = new AlertsCommand();
        new CommandLine(history).parseArgs();

        assertThat(following.shown(silenced, false)).isFalse();
        assertThat(following.shown(silenced, true)).isTrue();
        assertThat(following.shown(TerminalAlert.newBuilder(silenced).setPaging(true).setSilenced(false).build(), false)).isTrue();
        assertThat(everything.shown(silenced, false)).isTrue();
        assertThat(history.shown(silenced, true)).isTrue();
        assertThat(AlertsCommand.line(silenced)).contains("[silenced by silence-1]").contains("alertId a-1");
    }
}
