package io.fleetdiag.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.Setting;
import io.fleetdiag.service.SettingsDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md says what the code defines. After changing a setting, regenerate the tables with
 * {@code mvn -B -q -o -pl launcher -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dfleetdiag.docs.write=true}.
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..").resolve(ConfigurationDoc.DEFAULT_FILE);

    @Test
    void theDocumentShowsTheSettingsTheCodeDefines() throws Exception {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        String rendered = ConfigurationDoc.render(document);
        if (Boolean.getBoolean("fleetdiag.docs.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }

        assertThat(document).as("docs/configuration.md is out of date: regenerate it as ConfigurationDocTest's comment says")
                .isEqualTo(rendered);
    }

    @Test
    void everySettingOfEveryServiceIsInTheDocumentWithItsDefault() throws Exception {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);

        Stream.of(PollerService.definitions(), DispatcherService.definitions(), ProcessorService.definitions(),
                        NotifierService.definitions())
                .flatMap(definitions -> definitions.stream()).map(SettingsDefinition::settings).flatMap(settings -> settings.stream())
                .forEach(setting -> assertThat(document).contains(row(setting)));
    }

    @Test
    void aDocumentWithAStaleTableIsRewrittenAndOneWithoutASectionIsRefused() throws Exception {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        String stale = document.replace("| `dispatcher.max-in-flight` | `FLEETDIAG_DISPATCHER_MAX_IN_FLIGHT` | `512` |",
                "| `dispatcher.max-in-flight` | `FLEETDIAG_DISPATCHER_MAX_IN_FLIGHT` | `256` |");

        assertThat(stale).isNotEqualTo(document);
        assertThat(ConfigurationDoc.render(stale)).isEqualTo(ConfigurationDoc.render(document));
        assertThatThrownBy(() -> ConfigurationDoc.render(document.replace("<!-- generated: adyen -->", "")))
                .hasMessageContaining("adyen");
    }

    private static String row(Setting setting) {
        return "| `" + setting.key() + "` | `" + ServiceConfig.environmentName(setting.key()) + "` | "
                + setting.defaultText().map(text -> text.isEmpty() ? "(empty)" : "`" + text + "`").orElse("-") + " |";
    }
}
