package io.fleetdiag.service.access;

import io.fleetdiag.service.http.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Named service tokens, each with its own permissions and scope: for machines (a monitoring scraper, a
 * kiosk screen, a script) where a provider's sign-in does not fit. The caller's subject is the token's
 * name. Every token is compared, in constant time, by the SHA-256 of its secret, so neither timing nor
 * the order of the file tells which came close.
 */
public final class StaticTokens implements Authenticator {

    /** A secret in a tokens file is at least this long: it is a credential, not a password someone types. */
    public static final int MIN_SECRET = 16;

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    private StaticTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static StaticTokens of(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Token token : tokens) {
            byte[] digest = sha256(token.secret());
            if (!names.add(token.caller().subject()) || !digests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException("Token '" + token.caller().subject() + "' repeats the name or the secret of another");
            }
            entries.add(new Entry(digest, token.caller()));
        }
        return new StaticTokens(entries);
    }

    /** A secret and whom it names. */
    public record Token(String secret, Caller caller) {
        public Token {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("A static token cannot be blank");
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public Caller authenticate(Optional<String> bearerToken) throws Unauthenticated {
        byte[] digest = sha256(bearerToken.orElseThrow(() -> new Unauthenticated("Bearer token required")));
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.caller();
            }
        }
        if (found == null) {
            throw new Unauthenticated("The bearer token is not valid");
        }
        return found;
    }

    /**
     * Tokens from a file, one a line: {@code name grants scope secret}, separated by blanks; {@code #} starts a
     * comment. Grants are comma-separated ({@code fleet:read,alerts:operate,checks:run,admin}) or {@code *} for
     * all; the scope is {@code *} for the whole fleet or comma-separated {@code account:NAME} and
     * {@code store:NAME}.
     *
     * @throws IllegalArgumentException naming the line that is wrong (never repeating its secret)
     */
    public static List<Token> read(Path file) throws IOException {
        List<Token> tokens = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String where = file + " line " + number;
            if (fields.length != 4) {
                throw new IllegalArgumentException(where + " is not 'name grants scope secret'");
            }
            if (fields[3].length() < MIN_SECRET) {
                throw new IllegalArgumentException(where + ": the secret of '" + fields[0] + "' is shorter than " + MIN_SECRET + " characters");
            }
            try {
                Set<Permission> grants = fields[1].equals("*") ? EnumSet.complementOf(EnumSet.of(Permission.PUBLIC))
                        : ClaimMapping.permissions(fields[1]);
                tokens.add(new Token(fields[3], new Caller(fields[0], grants, scope(fields[2]))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return tokens;
    }

    private static Scope scope(String text) {
        if (text.equals("*")) {
            return Scope.ALL;
        }
        Set<String> accounts = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (String item : text.split(",")) {
            if (item.startsWith("account:") && item.length() > "account:".length()) {
                accounts.add(item.substring("account:".length()));
            } else if (item.startsWith("store:") && item.length() > "store:".length()) {
                stores.add(item.substring("store:".length()));
            } else {
                throw new IllegalArgumentException("'" + item + "' is not account:NAME or store:NAME (or * for the whole fleet)");
            }
        }
        return Scope.of(accounts, stores);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
