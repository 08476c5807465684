package io.fleetdiag.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link TestCluster} parameters with one real broker and one real registry per test JVM,
 * started on first use and stopped when the JVM's test run ends.
 *
 * <p>The backend is chosen by the system property {@value #BACKEND_PROPERTY}: {@code in-process}
 * (default: the embedded KRaft broker in this JVM, the registry as a child process) or {@code containers}
 * (Testcontainers images). Without a Docker engine the container backend disables the tests that
 * need a cluster instead of failing them.
 */
public final class TestClusterExtension implements ParameterResolver, ExecutionCondition {

    public static final String BACKEND_PROPERTY = "fleetdiag.test.backend";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestClusterExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (containersRequested() && !ContainerCluster.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(BACKEND_PROPERTY + "=containers but no Docker engine is reachable");
        }
        return ConditionEvaluationResult.enabled("a cluster backend is available");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestCluster.class, key -> startCluster(), TestCluster.class);
    }

    private static boolean containersRequested() {
        return "containers".equalsIgnoreCase(System.getProperty(BACKEND_PROPERTY, "in-process"));
    }

    private static TestCluster startCluster() {
        try {
            return containersRequested() ? ContainerCluster.start() : InProcessCluster.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test cluster: " + e.getMessage(), e);
        }
    }
}
