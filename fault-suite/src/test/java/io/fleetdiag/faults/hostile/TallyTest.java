package io.fleetdiag.faults.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void countsEachKindInTheOrderTriedAndSaysWhatGotThrough() {
        Tally tally = new Tally();
        tally.attempt("token: none", true, "answered 401");
        tally.attempt("body: too large", false, "answered 201");
        tally.attempt("token: none", true, "answered 401");

        assertThat(tally.names()).containsExactly("token: none", "body: too large");
        assertThat(tally.kinds()).containsEntry("token: none", new Tally.Kind(2, 2)).containsEntry("body: too large", new Tally.Kind(1, 0));
        assertThat(tally.tried()).isEqualTo(3);
        assertThat(tally.refused()).isEqualTo(2);
        assertThat(tally.notRefused()).containsExactly("body: too large: answered 201");
    }

    @Test
    void moreRefusedThanTriedIsNoCount() {
        assertThatThrownBy(() -> new Tally.Kind(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
