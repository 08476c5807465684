package io.fleetdiag.faults.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.access.StaticTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallersTest {

    @TempDir
    Path work;

    @Test
    void theTokensFileIsOneTheProcessorReadsAndOnlyItsOwnerCanRead() throws Exception {
        Callers callers = Callers.write(work, "AcmeRetail_EU");
        Path file = Path.of(callers.processorSettings().get("http.tokens.file"));

        List<StaticTokens.Token> tokens = StaticTokens.read(file);
        assertThat(tokens).extracting(token -> token.caller().subject())
                .containsExactly("suite-operator", "viewer", "store-manager", "crowd-0", "crowd-1", "crowd-2", "crowd-3");
        assertThat(tokens).extracting(StaticTokens.Token::secret)
                .containsExactly(callers.operator(), callers.viewer(), callers.manager(), callers.crowd().get(0), callers.crowd().get(1),
                        callers.crowd().get(2), callers.crowd().get(3));
        Scope managed = StaticTokens.of(tokens).authenticate(Optional.of(callers.manager())).scope();
        assertThat(managed.unrestricted()).isFalse();
        assertThat(managed.merchantAccounts()).containsExactly("AcmeRetail_EU");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(callers.processorSettings()).containsEntry("http.auth", "token").doesNotContainValue(callers.operator());
    }

    @Test
    void eachRunDrawsItsOwnSecrets() throws Exception {
        String first = Callers.write(work, "A").operator();
        assertThat(Callers.write(work, "A").operator()).isNotEqualTo(first).hasSize(64);
    }

    @Test
    void anAccountWithABlankCannotBeWrittenAsAScope() {
        assertThatThrownBy(() -> Callers.write(work, "Acme Retail")).isInstanceOf(IllegalArgumentException.class);
    }
}
