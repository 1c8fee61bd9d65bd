package dev.muster.roles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafePatternTests {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a*)*", "(x+x+)+y", "((ab)*c)*", "(?:a+){2,}", "(\\w+\\s?)*$",
            "([a-z]+)*@", "(a{2,})+"})
    void refusesNestedQuantifiers(String regex) {
        assertThat(SafePattern.of(regex).rejection()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("nested quantifier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".*@contractor\\.example", "(?i)finance|accounting", "(ab)+", "(a+)?b", "[(+*]+",
            "\\(a+\\)+", "(?i)(dev|ops)-[0-9]{1,4}", "\\Q(a+)+\\E", "(a){3}", "(a+){1}"})
    void acceptsOrdinaryPatterns(String regex) {
        assertThat(SafePattern.of(regex).rejection()).isEmpty();
    }

    @Test
    void refusesBackReferences() {
        assertThat(SafePattern.of("(a)\\1").rejection()).hasValueSatisfying(why -> assertThat(why)
                .contains("back-references"));
    }

    @Test
    void refusesPatternsThatDoNotCompile() {
        assertThat(SafePattern.of("[a-").rejection()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("does not compile"));
    }

    @Test
    void refusesOverlongPatterns() {
        assertThat(SafePattern.of("a".repeat(SafePattern.MAX_LENGTH + 1)).rejection())
                .hasValueSatisfying(why -> assertThat(why).contains("at most 200"));
    }

    @Test
    void matchesTheWholeValue() {
        assertThat(SafePattern.of("(?i)fin.*").matches("Finance")).isTrue();
        assertThat(SafePattern.of("fin").matches("finance")).isFalse();
    }

    @Test
    void givesUpPastItsStepBudget() {
        SafePattern slow = SafePattern.of("a*a*a*a*a*a*b");
        assertThat(slow.rejection()).isEmpty();
        assertThatThrownBy(() -> slow.matches("a".repeat(60))).isInstanceOf(SafePattern.GaveUp.class)
                .hasMessageContaining("steps");
    }

    @Test
    void givesUpOnOverlongValues() {
        assertThatThrownBy(() -> SafePattern.of("a*").matches("a".repeat(SafePattern.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(SafePattern.GaveUp.class).hasMessageContaining("longer than");
    }
}
