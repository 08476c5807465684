package io.fleetdiag.processor.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexKeyTest {

    @Test
    void keysSortAsTextInTheOrderOfTheirTimes() {
        assertThat(TerminalProcessor.indexKey(1_795_443_832_000L, "V400m-1")).isEqualTo("001795443832000|V400m-1");
        assertThat(TerminalProcessor.indexKey(-5, "x")).isEqualTo("000000000000000|x");
        assertThat(TerminalProcessor.indexKey(999, "b")).isLessThan(TerminalProcessor.indexKey(1_000, "a"));
    }
}
