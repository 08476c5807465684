package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.processor.alerts.Hysteresis;
import io.fleetdiag.service.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

    @Test
    void theDefaultsReadIntoTheirGroups() {
        ProcessorSettings settings = ProcessorSettings.defaultSettings();

        assertThat(settings.battery()).isEqualTo(new Hysteresis<>(20, 30));
        assertThat(settings.sdkExpiry()).isEqualTo(new Hysteresis<>(Duration.ofDays(14), Duration.ofDays(21)));
        assertThat(settings.stores().healthyShare()).isEqualTo(new Hysteresis<>(0.5, 0.6));
        assertThat(settings.presence().offlineAfterMissedSnapshots()).isEqualTo(2);
        assertThat(settings.history().maxPerSubject()).isEqualTo(100);
    }

    @Test
    void aRecoveryThresholdBeforeItsAlertThresholdIsRefusedNamingItsSettings() {
        assertThatThrownBy(() -> ProcessorDriver.settings(Map.of("processor.battery-recovered-at", "10")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("processor.battery-*").hasMessageContaining("hysteresis");
        assertThatThrownBy(() -> ProcessorDriver.settings(Map.of("processor.offline-payments-recovered-beyond", "1h")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("processor.offline-payments-*");
    }

    @Test
    void aNegativeRebootWindowIsRefused() {
        assertThatThrownBy(() -> ProcessorDriver.settings(Map.of("processor.reboot-window", "PT-1M")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("processor.reboot-window").hasMessageContaining("zero or more");
    }

    @Test
    void aGroupChecksItselfWhenMadeInCode() {
        assertThatThrownBy(() -> new Hysteresis<>(Duration.ofDays(21), Duration.ofDays(14))).isInstanceOf(IllegalArgumentException.class);
    }
}
