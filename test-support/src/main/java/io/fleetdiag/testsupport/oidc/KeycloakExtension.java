package io.fleetdiag.testsupport.oidc;

import java.nio.file.Paths;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link Keycloak} parameters with one Keycloak per test JVM, started on first use (it takes tens of
 * seconds, so never per test) and stopped when the JVM's test run ends. Where the distribution or a Java 21+ is
 * missing the tests that need it are skipped, saying which and how to get it.
 */
public final class KeycloakExtension implements ParameterResolver, ExecutionCondition {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        KeycloakDistribution.Located located = KeycloakDistribution.locate();
        return located.distribution() == null
                ? ConditionEvaluationResult.disabled(located.missing())
                : ConditionEvaluationResult.enabled("Keycloak at " + located.distribution().home());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Keycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Keycloak.class, key -> start(), Keycloak.class);
    }

    private static Keycloak start() {
        KeycloakDistribution.Located located = KeycloakDistribution.locate();
        if (located.distribution() == null) {
            throw new IllegalStateException(located.missing());
        }
        try {
            Keycloak keycloak = Keycloak.start(located.distribution(), Paths.get("target"));
            LOG.info("Keycloak {} ready in {} ms (issuer {}, log {})", located.distribution().home().getFileName(),
                    keycloak.startTime().toMillis(), keycloak.issuer(), keycloak.log());
            return keycloak;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Keycloak: " + e.getMessage(), e);
        }
    }
}
