package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.browser.HeadlessChromium;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The dashboard on a processor with a bearer token, in headless Chromium: the page loads without the
 * token, asks for it once when the API answers 401 (a wrong one is asked for again), then shows the
 * fleet and receives its live events with the token in the stream's query.
 */
@ExtendWith(TestClusterExtension.class)
class DashboardTokenBrowserIT {

    private static final String TOKEN = "dashboard-browser-token";

    @Test
    void thePageAsksForTheTokenOnceAndKeepsItForTheTab(TestCluster cluster, @TempDir Path work) throws Exception {
        String prefix = cluster.uniqueName("dashboard-token") + ".";
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl()).all(), 3, (short) 1);
        }
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of("processor.application-id", prefix + "processor", "processor.state-dir", work.toString(), "http.port", "0"));
        try (HeadlessChromium chromium = HeadlessChromium.start();
             ProcessorService processor = ProcessorService.start(ServiceConfig.of(values), Map.of(ServiceHttp.TOKEN_ENV, TOKEN), new CompletableFuture<>())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> processor.streams().state() == KafkaStreams.State.RUNNING);
            WebDriver browser = chromium.driver();
            String dashboard = "http://127.0.0.1:" + processor.httpPort() + "/dashboard/";

            browser.get(dashboard);
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("token-input")).isDisplayed());
            assertThat(browser.findElements(By.cssSelector("dialog.token"))).as("one question for all the page's calls").hasSize(1);
            browser.findElement(By.id("token-input")).sendKeys("not-the-token");
            browser.findElement(By.cssSelector("dialog.token button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("dialog.token .problem")).getText())
                    .isEqualTo("The processor refused that token."));
            browser.findElement(By.id("token-input")).sendKeys(TOKEN);
            browser.findElement(By.cssSelector("dialog.token button[type=submit]")).click();

            await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(browser.findElement(By.id("counts")).getText()).contains("Terminals");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("Live"));
            assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('fleetdiag.token');")).isEqualTo(TOKEN);

            browser.get(dashboard + "stores.html");
            await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(browser.findElements(By.cssSelector("dialog.token"))).as("kept for the tab").isEmpty();
            chromium.screenshot(Path.of("target", "dashboard-token.png"));
        }
    }
}
