package dev.muster.ldap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationThresholdTests {

    @Test
    void holdsMoreRevocationsThanTheCount() {
        assertThat(new RevocationThreshold(11, 10_000, 10, 5.0).exceeded()).isTrue();
        assertThat(new RevocationThreshold(10, 10_000, 10, 5.0).exceeded()).isFalse();
    }

    @Test
    void holdsMoreThanThePercentageOfActiveMembers() {
        assertThat(new RevocationThreshold(2, 20, 10, 5.0).exceeded()).as("10%").isTrue();
        assertThat(new RevocationThreshold(1, 20, 10, 5.0).exceeded()).as("exactly 5%").isFalse();
    }

    @Test
    void neverHoldsARunThatRevokesNobody() {
        assertThat(new RevocationThreshold(0, 0, 0, 0.0).exceeded()).isFalse();
    }

    @Test
    void describesTheNumbersAndTheLimits() {
        assertThat(new RevocationThreshold(3, 31, 2, 5.0).describe())
                .contains("revoke 3 of 31 active members").contains("limit of 2 members or 5.0%");
    }
}
