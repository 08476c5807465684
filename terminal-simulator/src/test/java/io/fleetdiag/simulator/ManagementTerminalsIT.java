package io.fleetdiag.simulator;

import static io.fleetdiag.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's Management API {@code GET /v3/terminals} over real HTTP: paging, filters, fields and auth. */
class ManagementTerminalsIT {

    private static final String KEY = "terminal-api-key";
    private static final String MANAGEMENT_KEY = "management-api-key";
    private static TerminalSimulator simulator;
    private static SimulatorHttp management;

    @BeforeAll
    static void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(250).withReferenceTerminals(false)
                .withManagementApiKey(MANAGEMENT_KEY));
        management = new SimulatorHttp(simulator.baseUrl(), MANAGEMENT_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    @Test
    void followingTheNextLinksListsTheWholeFleetAndTheTerminalsThatNeverConnected() {
        List<String> ids = new ArrayList<>();
        String next = "/v3/terminals?pageSize=100";
        int pages = 0;
        JsonNode page = null;
        while (next != null) {
            page = json(ok(next));
            page.path("data").forEach(terminal -> ids.add(terminal.path("id").asText()));
            next = page.path("_links").has("next") ? URI.create(page.path("_links").path("next").path("href").asText()).toString() : null;
            next = next == null ? null : next.substring(next.indexOf("/v3/"));
            pages++;
        }

        int expected = simulator.fleet().size() + simulator.cloud().inventory().neverConnected().size();
        assertThat(simulator.cloud().inventory().neverConnected()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ids).doesNotHaveDuplicates().hasSize(expected);
        assertThat(ids).containsAll(simulator.fleet().terminals().stream().map(Terminal::poiid).toList());
        assertThat(page.path("itemsTotal").asInt()).isEqualTo(expected);
        assertThat(page.path("pagesTotal").asInt()).isEqualTo(pages).isEqualTo((expected + 99) / 100);
    }

    @Test
    void aPageHasTheRequestedSizeAndLinksToItsNeighbours() {
        JsonNode page = json(ok("/v3/terminals?pageNumber=2&pageSize=7"));

        assertThat(page.path("data")).hasSize(7);
        JsonNode links = page.path("_links");
        assertThat(links.path("self").path("href").asText()).endsWith("/v3/terminals?pageNumber=2&pageSize=7");
        assertThat(links.path("prev").path("href").asText()).endsWith("pageNumber=1&pageSize=7");
        assertThat(links.path("next").path("href").asText()).endsWith("pageNumber=3&pageSize=7");
        assertThat(links.path("first").path("href").asText()).endsWith("pageNumber=1&pageSize=7");
        assertThat(links.path("last").path("href").asText()).endsWith("pageNumber=" + page.path("pagesTotal").asInt() + "&pageSize=7");
        assertThat(json(ok("/v3/terminals")).path("data")).hasSize(20);
        JsonNode beyond = json(ok("/v3/terminals?pageNumber=999&pageSize=100"));
        assertThat(beyond.path("data")).isEmpty();
        assertThat(beyond.path("_links").has("next")).isFalse();
    }

    @Test
    void merchantAndStoreFiltersLimitTheList() {
        Terminal one = simulator.fleet().terminals().get(0);
        Set<String> storeTerminals = new HashSet<>(simulator.fleet().ofStore(one.merchantAccount(), one.store()).stream()
                .map(Terminal::poiid).toList());
        simulator.cloud().inventory().neverConnected().stream()
                .filter(entry -> entry.storeId().equals(one.store()) && entry.merchantId().equals(one.merchantAccount()))
                .forEach(entry -> storeTerminals.add(entry.id()));

        JsonNode store = json(ok("/v3/terminals?merchantIds=" + one.merchantAccount() + "&storeIds=" + one.store() + "&pageSize=100"));
        Set<String> listed = new HashSet<>();
        store.path("data").forEach(terminal -> listed.add(terminal.path("id").asText()));
        assertThat(listed).isEqualTo(storeTerminals);

        JsonNode merchant = json(ok("/v3/terminals?merchantIds=" + one.merchantAccount() + "&pageSize=1"));
        long ofMerchant = simulator.cloud().inventory().matching(entry -> entry.merchantId().equals(one.merchantAccount())).size();
        assertThat(merchant.path("itemsTotal").asLong()).isEqualTo(ofMerchant).isLessThan(simulator.fleet().size());
        assertThat(merchant.path("data").path(0).path("assignment").path("merchantId").asText()).isEqualTo(one.merchantAccount());
        String both = String.join(",", simulator.fleet().merchantAccounts());
        assertThat(json(ok("/v3/terminals?merchantIds=" + both)).path("itemsTotal").asInt())
                .isEqualTo(simulator.cloud().inventory().entries().size());
        assertThat(json(ok("/v3/terminals?merchantIds=NoSuchMerchant")).path("itemsTotal").asInt()).isZero();
    }

    @Test
    void aTerminalCarriesTheManagementApiFields() {
        Terminal online = simulator.fleet().terminals().stream().filter(t -> !t.model().mobile()).findFirst().orElseThrow();
        JsonNode terminal = find(online.poiid());

        assertThat(terminal.path("model").asText()).isEqualTo(online.model().label());
        assertThat(online.poiid()).isEqualTo(terminal.path("model").asText() + "-" + terminal.path("serialNumber").asText());
        assertThat(terminal.path("firmwareVersion").asText()).matches(online.model().label() + " 1\\.9[58]\\.\\d+");
        assertThat(terminal.path("assignment").path("companyId").asText()).isEqualTo(InventoryEntry.COMPANY_ID);
        assertThat(terminal.path("assignment").path("merchantId").asText()).isEqualTo(online.merchantAccount());
        assertThat(terminal.path("assignment").path("storeId").asText()).isEqualTo(online.store());
        assertThat(terminal.path("assignment").path("status").asText()).isEqualTo("boarded");
        assertThat(Instant.parse(terminal.path("lastActivityAt").asText())).isNotNull();
        assertThat(Instant.parse(terminal.path("lastTransactionAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(terminal.path("connectivity").isObject()).isTrue();

        InventoryEntry never = simulator.cloud().inventory().neverConnected().get(0);
        JsonNode deployed = find(never.id());
        assertThat(deployed.path("assignment").path("status").asText()).isEqualTo("deployed");
        assertThat(deployed.has("lastActivityAt")).isFalse();
        assertThat(deployed.has("lastTransactionAt")).isFalse();
        assertThat(simulator.fleet().terminal(never.id())).isEmpty();

        InventoryEntry stuck = simulator.cloud().inventory().matching(entry -> entry.reassignTo() != null).get(0);
        JsonNode reassigning = find(stuck.id()).path("assignment");
        assertThat(reassigning.path("status").asText()).isEqualTo("reassignmentInProgress");
        assertThat(reassigning.path("reassignmentTarget").path("merchantId").asText()).isEqualTo(stuck.reassignTo());
        assertThat(reassigning.path("reassignmentTarget").path("inventory").asBoolean(true)).isFalse();

        InventoryEntry withSim = simulator.cloud().inventory().matching(entry -> entry.iccid() != null).get(0);
        JsonNode cellular = find(withSim.id()).path("connectivity").path("cellular");
        assertThat(cellular.path("iccid").asText()).isEqualTo(withSim.iccid());
        assertThat(cellular.path("status").asText()).isEqualTo("activated");
    }

    @Test
    void someTerminalsHaveNotTakenAPaymentForDays() {
        Instant threeDaysAgo = Instant.now().minusSeconds(3 * 24 * 3600 - 60);
        long idle = simulator.cloud().inventory().entries().stream()
                .filter(entry -> entry.lastTransactionAt() != null && entry.lastTransactionAt().isBefore(threeDaysAgo)).count();

        assertThat(idle).isPositive().isLessThan(simulator.fleet().size() / 5);
    }

    @Test
    void aMissingOrUnknownKeyIs401AndTheTerminalApiKeyWithoutTheRoleIs403() {
        HttpResponse<String> missing = new SimulatorHttp(simulator.baseUrl(), null).get("/v3/terminals");
        HttpResponse<String> wrong = new SimulatorHttp(simulator.baseUrl(), "not-a-key").get("/v3/terminals");
        HttpResponse<String> terminalApiKey = new SimulatorHttp(simulator.baseUrl(), KEY).get("/v3/terminals");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).path("errorCode").asText()).isEqualTo("00_401");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(terminalApiKey.statusCode()).isEqualTo(403);
        assertThat(json(terminalApiKey).path("status").asInt()).isEqualTo(403);
        assertThat(new SimulatorHttp(simulator.baseUrl(), MANAGEMENT_KEY)
                .post("/connectedTerminals", "{\"merchantAccount\":\"AcmeRetail_EU\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void badPagingIs422() {
        assertThat(management.get("/v3/terminals?pageSize=101").statusCode()).isEqualTo(422);
        assertThat(management.get("/v3/terminals?pageNumber=0").statusCode()).isEqualTo(422);
        assertThat(management.get("/v3/terminals?pageSize=many").statusCode()).isEqualTo(422);
    }

    private static JsonNode find(String id) {
        for (int pageNumber = 1; ; pageNumber++) {
            JsonNode page = json(ok("/v3/terminals?pageSize=100&pageNumber=" + pageNumber));
            for (JsonNode terminal : page.path("data")) {
                if (terminal.path("id").asText().equals(id)) {
                    return terminal;
                }
            }
            assertThat(pageNumber).as("%s not listed", id).isLessThan(page.path("pagesTotal").asInt());
        }
    }

    private static HttpResponse<String> ok(String path) {
        HttpResponse<String> response = management.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
