package io.fleetdiag.processor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The fixed bytes of each version of each internal format, kept in test resources as
 * {@code codec/<Type>-v<version>.hex} (hex, lines starting with # are comments). They were written
 * once by the release that introduced the version and are never regenerated: state in a changelog
 * outlives the code that wrote it, so every release must read every earlier version.
 */
public final class CodecFixtures {

    private CodecFixtures() {
    }

    public static byte[] bytes(String type, int version) {
        String resource = "/codec/" + type + "-v" + version + ".hex";
        try (InputStream in = CodecFixtures.class.getResourceAsStream(resource)) {
            assertThat(in).as("fixture %s (every version of a format keeps one)", resource).isNotNull();
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(String::strip)
                    .collect(Collectors.joining());
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every version's fixture reads as {@code expected}, and the current version writes exactly the
     * newest fixture: a changed format without a new version (and fixture) fails here.
     */
    public static <T> void assertEveryVersionReads(BinarySerde<T> serde, String type, T expected) {
        for (int version = 1; version <= serde.version(); version++) {
            byte[] fixture = bytes(type, version);
            assertThat(fixture[0] & 0xff).as("%s v%d version byte", type, version).isEqualTo(version);
            assertThat(serde.deserializer().deserialize("changelog", fixture)).as("%s v%d read now", type, version).isEqualTo(expected);
        }
        assertThat(serde.serializer().serialize("changelog", expected)).as("%s written now", type)
                .isEqualTo(bytes(type, serde.version()));
    }
}
