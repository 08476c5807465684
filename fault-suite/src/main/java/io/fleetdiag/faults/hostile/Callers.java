package io.fleetdiag.faults.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The processor's callers in the fault suite, as named static tokens in a file only the suite can read: the suite's
 * own operator (everything, whole fleet), a viewer, a store manager who operates one merchant account only, and a
 * few viewers who crowd the event streams. The processor allows {@link #MAX_STREAMS} streams, {@link #MAX_PER_CALLER}
 * for one caller, so the flood reaches both caps with a few dozen requests. Secrets are drawn fresh for each run
 * and never printed.
 */
public final class Callers {

    public static final int MAX_STREAMS = 6;
    public static final int MAX_PER_CALLER = 3;
    private static final int CROWD = 4;

    private final Path file;
    private final String account;
    private final String operator;
    private final String viewer;
    private final String manager;
    private final List<String> crowd;

    private Callers(Path file, String account, SecureRandom random) {
        this.file = file;
        this.account = account;
        this.operator = secret(random);
        this.viewer = secret(random);
        this.manager = secret(random);
        this.crowd = IntStream.range(0, CROWD).mapToObj(i -> secret(random)).toList();
    }

    /** Writes {@code workDir/processor-tokens}; {@code account} is the one merchant account the store manager sees. */
    public static Callers write(Path workDir, String account) throws IOException {
        if (account.isBlank() || account.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A merchant account for a tokens file has no blanks: '" + account + "'");
        }
        Callers callers = new Callers(workDir.resolve("processor-tokens"), account, new SecureRandom());
        StringBuilder lines = new StringBuilder("# written by the fault suite for this run\n");
        lines.append("suite-operator * * ").append(callers.operator).append('\n');
        lines.append("viewer fleet:read * ").append(callers.viewer).append('\n');
        lines.append("store-manager fleet:read,alerts:operate account:").append(account).append(' ').append(callers.manager).append('\n');
        for (int i = 0; i < CROWD; i++) {
            lines.append("crowd-").append(i).append(" fleet:read * ").append(callers.crowd.get(i)).append('\n');
        }
        Files.deleteIfExists(callers.file);
        Files.createFile(callers.file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(callers.file, lines);
        return callers;
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What the processor is started with: these tokens are its identity, and the stream caps the flood runs into. */
    public Map<String, String> processorSettings() {
        return Map.of("http.auth", "token", "http.tokens.file", file.toString(),
                "http.events.max-clients", Integer.toString(MAX_STREAMS), "http.events.max-per-caller", Integer.toString(MAX_PER_CALLER));
    }

    public String account() {
        return account;
    }

    /** May do anything: the suite's own reads, and the check that nothing changed. */
    public String operator() {
        return operator;
    }

    public String viewer() {
        return viewer;
    }

    /** May operate alerts of {@link #account()} only. */
    public String manager() {
        return manager;
    }

    public List<String> crowd() {
        return crowd;
    }
}
