package io.fleetdiag.launcher.local;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The real schema registry (Apicurio Registry 2.1.5.Final, as the schema-registry module packages it)
 * in this JVM, in a class loader of its own so its Quarkus 2.2 stack never meets fleetdiag's
 * libraries. Its schemas live in an H2 file in the data directory, since topics keep records that
 * name schema ids across restarts.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    public static final String JAR_PROPERTY = "fleetdiag.registry.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final URLClassLoader loader;
    private final Thread thread;
    private final CompletableFuture<Integer> exited;
    private final int port;

    private EmbeddedSchemaRegistry(URLClassLoader loader, Thread thread, CompletableFuture<Integer> exited, int port) {
        this.loader = loader;
        this.thread = thread;
        this.exited = exited;
        this.port = port;
    }

    public static EmbeddedSchemaRegistry start(Path dataDir, Path logFile, int port) throws Exception {
        Path jar = locate();
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            for (Path lib : libs.sorted().toList()) {
                urls.add(lib.toUri().toURL());
            }
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        // Quarkus reads its settings from system properties; only the registry reads these names
        System.setProperty("quarkus.http.host", "127.0.0.1");
        System.setProperty("quarkus.http.port", Integer.toString(port));
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry"));
        System.setProperty("quarkus.datasource.jdbc.initial-size", "2");
        System.setProperty("quarkus.datasource.jdbc.min-size", "2");
        System.setProperty("quarkus.datasource.jdbc.max-size", "10");
        System.setProperty("quarkus.banner.enabled", "false");
        System.setProperty("quarkus.log.console.enable", "false");
        System.setProperty("quarkus.log.file.enable", "true");
        System.setProperty("quarkus.log.file.path", logFile.toAbsolutePath().toString());
        URLClassLoader loader = new URLClassLoader("schema-registry", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        Thread thread = new Thread(() -> run(loader, exited), "schema-registry");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(loader, thread, exited, port);
        registry.awaitReady(logFile);
        return registry;
    }

    private static void run(ClassLoader loader, CompletableFuture<Integer> exited) {
        try {
            Class<?> application = loader.loadClass("io.quarkus.runtime.Application");
            Object app = loader.loadClass("io.quarkus.runner.ApplicationImpl").getConstructor().newInstance();
            Method run = loader.loadClass("io.quarkus.runtime.ApplicationLifecycleManager")
                    .getMethod("run", application, Class.class, BiConsumer.class, String[].class);
            // an exit handler of our own: the registry's default one would end the whole JVM
            BiConsumer<Integer, Throwable> onExit = (code, error) -> exited.complete(code);
            run.invoke(null, app, null, onExit, new String[0]);
            exited.complete(0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            exited.completeExceptionally(e);
        }
    }

    private void awaitReady(Path logFile) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (exited.isDone()) {
                throw new IllegalStateException("The schema registry stopped while starting; its log is " + logFile);
            }
            try {
                if (http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                exited.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillStarting) {
                // poll again
            }
        }
        throw new IllegalStateException("The schema registry did not answer within " + STARTUP_TIMEOUT + "; its log is " + logFile);
    }

    public String confluentApiUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v6";
    }

    /** The registry's runnable jar: named by a system property, next to fleetdiag.jar, or in the build tree. */
    static Path locate() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured);
        }
        try {
            Path ownJar = Paths.get(EmbeddedSchemaRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = ownJar.resolveSibling("registry").resolve("schema-registry-runner.jar");
            if (Files.isRegularFile(besideJar)) {
                return besideJar;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the build tree
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("schema-registry").resolve("target").resolve("schema-registry-runner.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The schema registry is not built: run mvn -DskipTests package (or ./fleetdiag, which does)");
    }

    @Override
    public void close() throws Exception {
        if (!exited.isDone()) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                loader.loadClass("io.quarkus.runtime.ApplicationLifecycleManager").getMethod("exit").invoke(null);
                exited.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                thread.interrupt();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
        loader.close();
    }
}
