package io.fleetdiag.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series names fleetdiag's services export, read from their Micrometer meter declarations
 * ({@code Counter/Gauge/Timer.builder("a.b")}) as Micrometer's Prometheus registry names them: dots to
 * underscores, counters with {@code _total}, timers as {@code _seconds_count}, {@code _sum}, {@code _max} (and
 * {@code _bucket} with a histogram), a gauge's base unit as a suffix.
 */
final class MeterNames {

    private static final Pattern METER = Pattern.compile(
            "(Counter|Gauge|Timer)\\.builder\\(\"(fleetdiag\\.[a-z.]+)\"((?:[^;]|\\n)*?)\\.register\\(");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([a-z]+)\"\\)");

    private MeterNames() {
    }

    static Set<String> exported(Path root) {
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"connectivity-poller", "diagnosis-dispatcher", "result-processor", "notifier", "service-support"}) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> read(file, names));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static void read(Path file, Set<String> names) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher meter = METER.matcher(source);
        while (meter.find()) {
            String name = meter.group(2).replace('.', '_');
            Matcher unit = BASE_UNIT.matcher(meter.group(3));
            switch (meter.group(1)) {
                case "Counter" -> names.add(name + "_total");
                case "Timer" -> {
                    Stream.of("_count", "_sum", "_max").forEach(suffix -> names.add(name + "_seconds" + suffix));
                    if (meter.group(3).contains(".publishPercentileHistogram()")) {
                        names.add(name + "_seconds_bucket");
                    }
                }
                default -> names.add(unit.find() ? name + "_" + unit.group(1) : name);
            }
        }
    }
}
