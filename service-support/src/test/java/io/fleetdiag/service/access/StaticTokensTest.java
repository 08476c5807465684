package io.fleetdiag.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.http.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticTokensTest {

    @TempDir
    Path dir;

    @Test
    void aTokensFileNamesEachCallerWithItsGrantsAndScope() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, """
                # scraper for Prometheus, kiosk for one account's stores
                scraper  fleet:read            *                               scraper-secret-000000001
                kiosk    fleet:read,checks:run account:AcmeRetail_EU,store:X-1  kiosk-secret-0000000001
                """);
        StaticTokens tokens = StaticTokens.of(StaticTokens.read(file));

        Caller kiosk = tokens.authenticate(Optional.of("kiosk-secret-0000000001"));
        assertThat(kiosk.subject()).isEqualTo("kiosk");
        assertThat(kiosk.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.RUN_CHECKS);
        assertThat(kiosk.scope()).isEqualTo(Scope.of(Set.of("AcmeRetail_EU"), Set.of("X-1")));
        assertThat(tokens.authenticate(Optional.of("scraper-secret-000000001")).scope()).isEqualTo(Scope.ALL);
        assertThatThrownBy(() -> tokens.authenticate(Optional.of("kiosk-secret-000000000"))).hasMessage("The bearer token is not valid");
    }

    @Test
    void aWrongLineIsNamedWithoutItsSecret() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "kiosk fleet:write * kiosk-secret-0000000001\n");
        assertThatThrownBy(() -> StaticTokens.read(file)).hasMessageContaining("line 1").hasMessageContaining("'fleet:write' is not a grant")
                .hasMessageNotContaining("kiosk-secret");
        Files.writeString(file, "kiosk fleet:read * short\n");
        assertThatThrownBy(() -> StaticTokens.read(file)).hasMessageContaining("shorter than 16").hasMessageNotContaining("short\n");
        Files.writeString(file, "a fleet:read * same-secret-000000001\nb fleet:read * same-secret-000000001\n");
        assertThatThrownBy(() -> StaticTokens.of(StaticTokens.read(file))).hasMessageContaining("repeats the name or the secret");
    }
}
