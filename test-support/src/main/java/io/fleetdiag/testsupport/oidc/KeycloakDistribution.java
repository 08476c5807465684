package io.fleetdiag.testsupport.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the Keycloak server and a Java to run it are: the distribution is {@code org.keycloak:keycloak-quarkus-dist}
 * from Maven Central, unpacked by the {@code test-support} build into {@code test-support/target/keycloak/}; it needs
 * Java 21 or newer, which the build's Java 17 is not, so a JDK is looked for beside it under {@code /usr/lib/jvm}.
 */
record KeycloakDistribution(Path home, Path javaHome) {

    static final String HOME_PROPERTY = "fleetdiag.keycloak.home";
    static final String JAVA_HOME_PROPERTY = "fleetdiag.keycloak.java-home";
    private static final int MINIMUM_JAVA = 21;
    private static final Path UNPACKED = Paths.get("test-support", "target", "keycloak");

    KeycloakDistribution {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalArgumentException("No bin/kc.sh under " + home);
        }
    }

    Path launcher() {
        return home.resolve("bin/kc.sh");
    }

    /** The distribution and a Java 21+, or why there is none, said so that the reader knows what to do. */
    static Located locate() {
        Optional<Path> home = findHome();
        if (home.isEmpty()) {
            return new Located(null, "No Keycloak distribution: system property " + HOME_PROPERTY + "=" + System.getProperty(HOME_PROPERTY)
                    + " names none and there is no " + UNPACKED + "/keycloak-*/bin/kc.sh above " + Paths.get("").toAbsolutePath()
                    + ". The test-support build unpacks org.keycloak:keycloak-quarkus-dist (zip) from Maven Central there:"
                    + " mvn -pl test-support process-resources");
        }
        Optional<Path> java = findJavaHome();
        if (java.isEmpty()) {
            return new Located(null, "Keycloak needs Java " + MINIMUM_JAVA + "+ and none was found (system property " + JAVA_HOME_PROPERTY
                    + ", the running JVM, or a JDK under /usr/lib/jvm); install one, e.g. Temurin 25");
        }
        return new Located(new KeycloakDistribution(home.get(), java.get()), null);
    }

    /** The outcome of {@link #locate()}: a distribution, or the reason there is none. */
    record Located(KeycloakDistribution distribution, String missing) {
    }

    private static Optional<Path> findHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && Files.isRegularFile(Paths.get(configured, "bin", "kc.sh"))) {
            return Optional.of(Paths.get(configured));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path unpacked = dir.resolve(UNPACKED);
            if (Files.isDirectory(unpacked)) {
                try (Stream<Path> children = Files.list(unpacked)) {
                    Optional<Path> found = children.filter(child -> Files.isRegularFile(child.resolve("bin/kc.sh")))
                            .max(Comparator.naturalOrder());
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + unpacked, e);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> findJavaHome() {
        String configured = System.getProperty(JAVA_HOME_PROPERTY);
        if (configured != null) {
            return Optional.of(Paths.get(configured)).filter(KeycloakDistribution::recentEnough);
        }
        Path running = Paths.get(System.getProperty("java.home"));
        if (recentEnough(running)) {
            return Optional.of(running);
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(KeycloakDistribution::recentEnough).max(Comparator.comparingInt(KeycloakDistribution::feature));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jvms, e);
        }
    }

    private static boolean recentEnough(Path javaHome) {
        return Files.isExecutable(javaHome.resolve("bin/java")) && feature(javaHome) >= MINIMUM_JAVA;
    }

    /** The feature release a JDK's {@code release} file names (JAVA_VERSION="25.0.1" is 25), 0 when it has none. */
    private static int feature(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        String feature = version.split("[.+-]")[0];
        return feature.chars().allMatch(Character::isDigit) && !feature.isEmpty() ? Integer.parseInt(feature) : 0;
    }
}
