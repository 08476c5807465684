package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.processor.signin.DashboardSignIn;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.browser.HeadlessChromium;
import io.fleetdiag.testsupport.oidc.Keycloak;
import io.fleetdiag.testsupport.oidc.KeycloakExtension;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard signs in through Keycloak's own login page in headless Chromium (authorization code with PKCE
 * against the real provider), on a processor that accepts only that realm's tokens: the store manager of one
 * merchant account is named on the page, sees no acknowledge or silence button and is refused a silence by the
 * API (403); the operator, signed in after the store manager signs out, silences an alert from the page.
 * Screenshots: {@code target/screenshots/signin-*.png}.
 */
@ExtendWith({TestClusterExtension.class, KeycloakExtension.class})
class DashboardSignInBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final String OTHER_ACCOUNT = "AcmeRetail_EU";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStoreManagerSeesTheirAccountWithoutSilencingAndAnOperatorSilences(TestCluster cluster, Keycloak keycloak, @TempDir Path work)
            throws Exception {
        String prefix = cluster.uniqueName("dashboard-signin") + ".";
        TopicCatalog catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(keycloak.serviceSettings());
        values.putAll(Map.of("processor.application-id", prefix + "processor", "processor.state-dir", work.toString(),
                "processor.commit-interval", "100ms", "http.port", "0", DashboardSignIn.CLIENT_ID, Keycloak.DASHBOARD_CLIENT));
        try (HeadlessChromium chromium = HeadlessChromium.start();
             ProcessorService processor = ProcessorService.start(ServiceConfig.of(values), Map.of(), new CompletableFuture<>())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> processor.streams().state() == KafkaStreams.State.RUNNING);
            String api = "http://127.0.0.1:" + processor.httpPort();
            lowBatteryInTwoAccounts(cluster, catalog);
            String operatorToken = keycloak.accessToken(Keycloak.OPERATOR);
            await().atMost(Duration.ofSeconds(120)).until(() -> total(api + "/api/stores", operatorToken) == 2
                    && total(api + "/api/alerts?active=true&type=BATTERY_LOW", operatorToken) == 2);

            WebDriver browser = chromium.driver();
            browser.get(api + "/dashboard/stores.html");
            signInAtKeycloak(browser, Keycloak.STORE_MANAGER);
            awaitReady(browser, "stores.html");
            await().atMost(PAGE).untilAsserted(() -> assertThat(browser.findElement(By.id("who")).getText()).contains(Keycloak.STORE_MANAGER.name()));
            assertThat(browser.getCurrentUrl()).as("no token or code left in the address").doesNotContain("code=").doesNotContain("token");
            assertThat(text(browser, "main")).contains(Keycloak.STORE_MANAGER_ACCOUNT);
            chromium.screenshot(Path.of("target", "screenshots", "signin-store-manager-stores.png"));

            browser.get(api + "/dashboard/alerts.html");
            awaitReady(browser, "alerts.html");
            await().atMost(PAGE).until(() -> !browser.findElements(By.cssSelector("#active tbody tr[data-alert-id]")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#active button.silence"))).as("no silence button without alerts:operate").isEmpty();
            assertThat(browser.findElements(By.cssSelector("#active button.ack"))).as("no acknowledge button either").isEmpty();
            assertThat(browser.findElement(By.cssSelector("#active thead")).getText()).doesNotContain("Actions");
            assertThat(browser.findElements(By.cssSelector("#active tbody tr[data-alert-id]"))).as("each row as wide as the header, nothing in place of the actions")
                    .allSatisfy(row -> assertThat(row.findElements(By.cssSelector("td, th"))).hasSize(6));
            chromium.screenshot(Path.of("target", "screenshots", "signin-store-manager-alerts.png"));

            String storeManagerToken = sessionToken(browser);
            JsonNode me = JSON.readTree(send(api + "/api/me", storeManagerToken, null).body());
            assertThat(me.path("subject").asText()).isEqualTo(Keycloak.STORE_MANAGER.username());
            assertThat(me.path("permissions")).extracting(JsonNode::asText).containsExactly("fleet:read");
            assertThat(me.path("scope").path("all").asBoolean()).isFalse();
            assertThat(me.path("scope").path("merchantAccounts")).extracting(JsonNode::asText).containsExactly(Keycloak.STORE_MANAGER_ACCOUNT);
            HttpResponse<String> refused = send(api + "/api/silences", storeManagerToken, "{\"merchantAccount\":\"" + Keycloak.STORE_MANAGER_ACCOUNT
                    + "\",\"type\":\"BATTERY_LOW\",\"until\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\",\"by\":\"sam\",\"reason\":\"quiet\"}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("alerts:operate");

            browser.findElement(By.cssSelector("#who .sign-out")).click();
            signInAtKeycloak(browser, Keycloak.OPERATOR);
            awaitReady(browser, "");
            browser.get(api + "/dashboard/alerts.html");
            awaitReady(browser, "alerts.html");
            await().atMost(PAGE).untilAsserted(() -> assertThat(browser.findElement(By.id("who")).getText()).contains(Keycloak.OPERATOR.name()));
            await().atMost(PAGE).until(() -> !browser.findElements(By.cssSelector("#active button.silence")).isEmpty());
            browser.findElements(By.cssSelector("#active button.silence")).get(0).click();
            // the dialog asks for a name only while the API does not take it from the token
            for (WebElement by : browser.findElements(By.id("by"))) {
                by.clear();
                by.sendKeys("olivia");
            }
            browser.findElement(By.id("note")).sendKeys("battery swap booked");
            browser.findElement(By.id("operation-submit")).click();
            await().atMost(PAGE).untilAsserted(() -> assertThat(browser.findElement(By.id("operation-status")).getText()).startsWith("Silenced"));
            chromium.screenshot(Path.of("target", "screenshots", "signin-operator-silenced.png"));
            await().atMost(PAGE).until(() -> total(api + "/api/silences", operatorToken) == 1);
        }
    }

    /** One terminal with a low battery in the store manager's account and one in another. */
    private static void lowBatteryInTwoAccounts(TestCluster cluster, TopicCatalog catalog) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            for (String account : List.of(Keycloak.STORE_MANAGER_ACCOUNT, OTHER_ACCOUNT)) {
                String poiid = "V400m-" + (account.equals(OTHER_ACCOUNT) ? "700000001" : "700000002");
                DiagnosisResult result = Fixtures.success(poiid, now, parts -> parts.battery = 10);
                result.setMerchantAccount(account);
                result.setStore(account + "-0001");
                result.getAdditionalResponse().setMerchantAccount(account);
                result.getAdditionalResponse().setStoreId(account + "-0001");
                producer.send(new ProducerRecord<>(catalog.results().name(), poiid, result)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Keycloak's login page (theme keycloak.v2): user name, password, Sign In. */
    private static void signInAtKeycloak(WebDriver browser, Keycloak.RealmUser user) {
        await().atMost(PAGE).until(() -> !browser.findElements(By.id("username")).isEmpty() && browser.findElement(By.id("username")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("kc-login")).click();
    }

    private static void awaitReady(WebDriver browser, String page) {
        await().atMost(PAGE).until(() -> browser.getCurrentUrl().contains("/dashboard/" + page)
                && "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String text(WebDriver browser, String selector) {
        return browser.findElement(By.cssSelector(selector)).getText();
    }

    /** The access token the page keeps in its tab's session storage: the API refuses or accepts exactly what the page would send. */
    private static String sessionToken(WebDriver browser) throws Exception {
        Object session = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('fleetdiag.session');");
        return JSON.readTree(String.valueOf(session)).path("accessToken").asText();
    }

    private HttpResponse<String> send(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int total(String url, String token) throws Exception {
        HttpResponse<String> answer = send(url, token, null);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("total").asInt() : -1;
    }
}
