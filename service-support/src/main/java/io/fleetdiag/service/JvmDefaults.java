package io.fleetdiag.service;

/** JVM settings every fleetdiag process needs, whatever its command line says. */
public final class JvmDefaults {

    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private JvmDefaults() {
    }

    /**
     * With one or two CPUs (a small container) the common pool's parallelism is 1, and CompletableFuture
     * then runs every async step on a thread of its own. The JDK's HttpClient completes each sendAsync
     * with such a step, so the dispatcher would start and end a thread per Terminal API call. A common
     * pool of two avoids it. Call first thing in main: the pool reads the property once, when first used.
     */
    public static void apply() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
