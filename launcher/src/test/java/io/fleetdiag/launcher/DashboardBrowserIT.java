package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.launcher.local.LocalStack;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.browser.HeadlessChromium;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard in a real headless Chromium over the whole local stack: a condition set through the
 * simulator's admin API appears on the open fleet page as an alert without a reload (server-sent events);
 * the store and terminal pages show the terminal, "Check now" asks for a diagnosis and shows its result;
 * the alerts page acknowledges the alert and silences its type on that terminal; the terminal page's Reboot, once confirmed,
 * lists the reboot under the timeline and follows it to successful (the store page offers its own). Screenshots go to
 * {@code target/dashboard-*.png}. Last, a store of 10,000 terminals: its page's load time (navigation to
 * the first page of rows) is logged, not asserted.
 */
class DashboardBrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardBrowserIT.class);
    private static final Path TARGET = Path.of("target");
    private static final String LOAD_ACCOUNT = "LoadTest_EU";
    private static final String LOAD_STORE = "LOAD-10000";
    private static final int LOAD_TERMINALS = 10_000;

    @BeforeAll
    static void javaLogging() {
        // before the embedded registry names a log manager only its own class loader has
        java.util.logging.LogManager.getLogManager();
    }

    @Test
    void thePagesShowTheFleetLiveAndActOnIt(@TempDir Path data) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start();
             LocalStack stack = LocalStack.start(new LocalStack.Options(300, data, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                     FreePorts.next(), 42, "realistic"), step -> LOG.info("local stack: {}", step))) {
            WebDriver browser = chromium.driver();
            String api = "http://127.0.0.1:" + stack.httpPort();
            String dashboard = api + "/dashboard/";
            // a V400m (it has a printer) that is online, answered its last check and has no alert yet
            Terminal terminal = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (JsonNode item : Http.getJson(api + "/api/terminals?presence=ONLINE&page=0&size=500").path("items")) {
                    if (item.path("model").asText().equals("V400m") && item.path("lastOutcome").asText().equals("SUCCESS")
                            && item.path("printer").asText().equals("OK") && item.path("activeAlerts").isEmpty()) {
                        return stack.simulator().fleet().terminal(item.path("poiid").asText()).orElse(null);
                    }
                }
                return null;
            }, Objects::nonNull);
            String poiid = terminal.poiid();

            browser.get(dashboard);
            awaitReady(browser);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("window.fleetdiagTestMarker = 'same page';");
            Object navigationStart = js.executeScript("return performance.timeOrigin;");

            Http.postJson(stack.simulator().baseUrl() + "/admin/terminals/" + poiid, Map.of("paper", "NoPaper", "evolve", false));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(browser.findElements(By.cssSelector("#newest li[data-poiid='" + poiid + "'][data-type='PRINTER_FAULT']")))
                            .as("the PRINTER_FAULT alert of %s in the newest alerts, pushed by /events", poiid).isNotEmpty());
            assertThat(js.executeScript("return window.fleetdiagTestMarker;")).as("no reload").isEqualTo("same page");
            assertThat(js.executeScript("return performance.timeOrigin;")).isEqualTo(navigationStart);
            assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("Live");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#by-type tr[data-type='PRINTER_FAULT']")))
                    .as("the active alerts by type, reloaded after the event").isNotEmpty());
            String alertId = browser.findElement(By.cssSelector("#newest li[data-poiid='" + poiid + "'][data-type='PRINTER_FAULT']"))
                    .getDomAttribute("data-alert-id");
            chromium.screenshot(TARGET.resolve("dashboard-fleet.png"));

            browser.get(dashboard + "stores.html");
            awaitReady(browser);
            assertThat(browser.findElements(By.cssSelector("#stores tbody tr[data-store]"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#stores tbody tr.group"))).isNotEmpty();
            chromium.screenshot(TARGET.resolve("dashboard-stores.png"));

            browser.get(dashboard + "store.html?merchantAccount=" + encode(terminal.merchantAccount()) + "&store=" + encode(terminal.store()));
            awaitReady(browser);
            WebElement row = browser.findElement(By.cssSelector("#terminals tr[data-poiid='" + poiid + "']"));
            assertThat(row.getText()).contains("Online").contains("Printer fault");
            chromium.screenshot(TARGET.resolve("dashboard-store.png"));

            browser.get(dashboard + "terminal.html?poiid=" + encode(poiid));
            awaitReady(browser);
            assertThat(browser.findElement(By.id("state")).getText()).contains("Printer").contains("No paper");
            assertThat(browser.findElement(By.cssSelector("#active tr[data-alert-id='" + alertId + "']")).getText()).contains("Printer fault");
            browser.findElement(By.id("host")).click();
            browser.findElement(By.id("check-now")).click();
            WebElement status = browser.findElement(By.id("check-status"));
            await().atMost(Duration.ofSeconds(30)).until(() -> status.getDomAttribute("data-request-id") != null);
            String requestId = status.getDomAttribute("data-request-id");
            assertThat(status.getText()).contains(requestId);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> status.getDomAttribute("data-finished") != null);
            assertThat(status.getText()).contains("finished");
            assertThat(browser.findElement(By.id("diagnoses")).getText()).contains("Manual");
            chromium.screenshot(TARGET.resolve("dashboard-terminal.png"));

            browser.get(dashboard + "alerts.html?poiid=" + encode(poiid));
            awaitReady(browser);
            WebElement alertRow = browser.findElement(By.cssSelector("#active tr[data-alert-id='" + alertId + "']"));
            alertRow.findElement(By.cssSelector("button.ack")).click();
            browser.findElement(By.id("note")).sendKeys("paper roll ordered");
            browser.findElement(By.id("operation-submit")).click();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(By.id("operation-status")).getText())
                    .startsWith("Acknowledged"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.getJson(api + "/api/alerts/" + alertId)
                    .path("acknowledgedBy").asText()).as("the caller, as the processor names it").isEqualTo(Caller.local().subject()));
            browser.navigate().refresh();
            awaitReady(browser);
            assertThat(browser.findElement(By.cssSelector("#active tr[data-alert-id='" + alertId + "'] .acknowledged")).getText())
                    .contains(Caller.local().subject());
            chromium.screenshot(TARGET.resolve("dashboard-alerts.png"));

            browser.findElement(By.cssSelector("#active tr[data-alert-id='" + alertId + "'] button.silence")).click();
            browser.findElement(By.id("note")).sendKeys("printer being replaced");
            browser.findElement(By.id("operation-submit")).click();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(By.id("operation-status")).getText())
                    .startsWith("Silenced"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.getJson(api + "/api/silences").path("items"))
                    .anySatisfy(silence -> {
                        assertThat(silence.path("poiid").asText()).isEqualTo(poiid);
                        assertThat(silence.path("type").asText()).isEqualTo("PRINTER_FAULT");
                        assertThat(silence.path("by").asText()).as("the caller, as the processor names it").isEqualTo(Caller.local().subject());
                        assertThat(silence.path("reason").asText()).isEqualTo("printer being replaced");
                    }));

            reboot(chromium, browser, dashboard, terminal);
            tenThousandTerminalStore(stack, browser, api, dashboard);
        }
    }

    /** The local caller holds alerts:operate, so both pages offer a reboot; the terminal's is confirmed and followed. */
    private static void reboot(HeadlessChromium chromium, WebDriver browser, String dashboard, Terminal terminal) throws Exception {
        browser.get(dashboard + "store.html?merchantAccount=" + encode(terminal.merchantAccount()) + "&store=" + encode(terminal.store()));
        awaitReady(browser);
        assertThat(browser.findElement(By.id("reboot")).isDisplayed()).as("the store's Reboot for an operator").isTrue();

        browser.get(dashboard + "terminal.html?poiid=" + encode(terminal.poiid()));
        awaitReady(browser);
        browser.findElement(By.id("reboot")).click();
        assertThat(browser.findElement(By.id("reboot-what")).getText()).as("asked before it posts").contains(terminal.poiid());
        browser.findElement(By.id("reboot-confirm")).click();
        WebElement status = browser.findElement(By.id("reboot-status"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status.getDomAttribute("data-action-id"))
                .as("the reboot's action id; the page says '%s', dialog open %s, Reboot disabled %s", status.getText(),
                        js.executeScript("return document.getElementById('reboot-dialog').open"),
                        js.executeScript("return document.getElementById('reboot').disabled")).isNotNull());
        String actionId = status.getDomAttribute("data-action-id");
        assertThat(status.getText()).contains(Caller.local().subject());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#reboots tr[data-action-id='" + actionId + "']")).getDomAttribute("data-status"))
                        .as("the reboot in the timeline, followed by the page").isEqualTo("successful"));
        chromium.screenshot(TARGET.resolve("dashboard-terminal-reboot.png"));
    }

    /** Writes 10,000 inventory entries of one store, waits for the processor to hold them, then times the store page. */
    private static void tenThousandTerminalStore(LocalStack stack, WebDriver browser, String api, String dashboard) throws Exception {
        Topic<String, TerminalInventory> inventory = TopicCatalog.create(TopicNames.defaults(),
                new SchemaRegistryClient(RegistryClientConfig.of(stack.schemaRegistryUrl()))).inventory();
        Instant now = Instant.now();
        try (KafkaProducer<String, TerminalInventory> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20), inventory.keySerde().serializer(), inventory.valueSerde().serializer())) {
            for (int i = 0; i < LOAD_TERMINALS; i++) {
                String poiid = String.format("V400m-9%08d", i);
                producer.send(new ProducerRecord<>(inventory.name(), poiid, TerminalInventory.newBuilder().setPoiid(poiid).setModel("V400m")
                        .setSerialNumber(poiid.substring(6)).setMerchantAccount(LOAD_ACCOUNT).setStore(LOAD_STORE).setAssignmentStatus("boarded")
                        .setScope(LOAD_ACCOUNT).setListedAt(now).build()));
            }
            producer.flush();
        }
        String list = api + "/api/terminals?merchantAccount=" + LOAD_ACCOUNT + "&store=" + LOAD_STORE + "&page=0&size=1";
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.getJson(list).path("total").asInt() == LOAD_TERMINALS);

        for (int run = 1; run <= 3; run++) {
            browser.get(dashboard + "store.html?merchantAccount=" + LOAD_ACCOUNT + "&store=" + LOAD_STORE);
            awaitReady(browser);
            List<WebElement> rows = browser.findElements(By.cssSelector("#terminals tbody tr[data-poiid]"));
            assertThat(rows).hasSize(50);
            Object loadMs = ((JavascriptExecutor) browser).executeScript(
                    "return Number(document.getElementById('terminals').dataset.loaded) - performance.timeOrigin;");
            LOG.info("Store page of {} terminals, run {}: first page of rows rendered {} ms after navigation; pager says '{}'",
                    LOAD_TERMINALS, run, Math.round(((Number) loadMs).doubleValue()), browser.findElement(By.cssSelector("#terminals-pager .range")).getText());
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.fleetdiagClickedAt = Date.now();");
        browser.findElement(By.cssSelector("#terminals-pager .next")).click();
        // the pager is redrawn with the rows, so each look finds it again
        await().atMost(Duration.ofSeconds(30)).ignoreException(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#terminals-pager .range")).getText()).startsWith("51\u2013100 of " + LOAD_TERMINALS));
        LOG.info("Store page of {} terminals: the next page of rows rendered {} ms after the click", LOAD_TERMINALS,
                js.executeScript("return Number(document.getElementById('terminals').dataset.loaded) - window.fleetdiagClickedAt;"));
    }

    private static void awaitReady(WebDriver browser) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
