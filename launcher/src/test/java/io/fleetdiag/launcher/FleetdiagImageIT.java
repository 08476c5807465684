package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/** The Jib image answers like the launcher; runs where a Docker engine exists and the image was built (jib:dockerBuild). */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine")
class FleetdiagImageIT {

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Test
    void theImageRunsTheFleetdiagCommand() {
        String image = System.getProperty("fleetdiag.image");
        Assumptions.assumeTrue(DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(image).exec().size() > 0,
                "image " + image + " not built: mvn -pl launcher -am package jib:dockerBuild");
        try (GenericContainer<?> container = new GenericContainer<>(image).withCommand("--help")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())) {
            container.start();
            assertThat(container.getLogs()).contains("Usage: fleetdiag").contains("local").contains("processor");
        }
    }
}
