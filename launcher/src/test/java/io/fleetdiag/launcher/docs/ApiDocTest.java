package io.fleetdiag.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The REST tables of the docs say what the route tables declare. After changing a route, regenerate them with
 * {@code mvn -B -q -o -pl launcher -am test -Dtest=ApiDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dfleetdiag.docs.write=true}.
 */
class ApiDocTest {

    @Test
    void theDocumentsShowTheRoutesTheServicesDeclare() throws Exception {
        SoftAssertions documents = new SoftAssertions();
        for (Path file : ApiDoc.documents().keySet()) {
            Path path = Path.of("..").resolve(file);
            String document = Files.readString(path, StandardCharsets.UTF_8);
            String rendered = ApiDoc.render(file, document);
            if (Boolean.getBoolean("fleetdiag.docs.write")) {
                Files.writeString(path, rendered, StandardCharsets.UTF_8);
            }
            documents.assertThat(document).as(file + " is out of date: regenerate it as ApiDocTest's comment says").isEqualTo(rendered);
        }
        documents.assertAll();
    }

    @Test
    void aStaleRouteIsRewrittenAndAMissingSectionIsRefused() throws Exception {
        String document = Files.readString(Path.of("..").resolve(ApiDoc.ALERT_OPERATIONS), StandardCharsets.UTF_8);
        String stale = document.replace("| POST | `/api/alerts/{alertId}/ack` | alerts:operate |", "| POST | `/api/alerts/{alertId}/acknowledge` | alerts:operate |");

        assertThat(stale).isNotEqualTo(document);
        assertThat(ApiDoc.render(ApiDoc.ALERT_OPERATIONS, stale)).isEqualTo(ApiDoc.render(ApiDoc.ALERT_OPERATIONS, document));
        assertThatThrownBy(() -> ApiDoc.render(ApiDoc.ALERT_OPERATIONS, document.replace("<!-- generated: alert-operations-routes -->", "")))
                .hasMessageContaining("alert-operations-routes");
    }
}
