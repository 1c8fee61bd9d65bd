package dev.muster.readiness;

import dev.muster.organization.PolicyType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class PolicySettingsTests {

    @Test
    void acceptsTheSettingsEachTypeTakes() {
        assertThatCode(() -> {
            PolicySettings.validate(PolicyType.MASTER_PASSWORD_REQUIREMENTS, Map.of("minLength", "14",
                    "requireUpper", "true"));
            PolicySettings.validate(PolicyType.MAXIMUM_VAULT_TIMEOUT, Map.of("minutes", "15", "action", "logOut"));
            PolicySettings.validate(PolicyType.ACCOUNT_RECOVERY, Map.of("autoEnrollment", "true"));
            PolicySettings.validate(PolicyType.RESTRICTED_ITEM_TYPES, Map.of("types", "card, sshKey"));
            PolicySettings.validate(PolicyType.REQUIRE_TWO_STEP_LOGIN, Map.of());
        }).doesNotThrowAnyException();
    }

    @Test
    void refusesUnknownSettingsAndBadValuesListingEveryProblem() {
        assertThatThrownBy(() -> PolicySettings.validate(PolicyType.MAXIMUM_VAULT_TIMEOUT,
                Map.of("minutes", "0", "colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'minutes' is 0 but must be a whole number from 1 to 525600")
                .hasMessageContaining("unknown setting 'colour' (MAXIMUM_VAULT_TIMEOUT takes minutes, action)");
        assertThatThrownBy(() -> PolicySettings.validate(PolicyType.SINGLE_ORGANIZATION, Map.of("x", "1")))
                .hasMessageContaining("takes no settings");
        assertThatThrownBy(() -> PolicySettings.validate(PolicyType.RESTRICTED_ITEM_TYPES, Map.of("types", "car")))
                .hasMessageContaining("'types'");
    }

    @Test
    void describesEveryPolicyType() {
        assertThat(PolicySettings.describe()).containsOnlyKeys(PolicyType.values());
        assertThat(PolicySettings.describe().get(PolicyType.SEND_CONTROLS)).containsKeys("disableSend",
                "disableHideEmail");
    }
}
