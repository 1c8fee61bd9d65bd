package dev.muster.organization;

/** The organization policies an admin enables before inviting people. */
public enum PolicyType {
    REQUIRE_TWO_STEP_LOGIN, MASTER_PASSWORD_REQUIREMENTS, PASSWORD_GENERATOR, SINGLE_ORGANIZATION, REQUIRE_SSO,
    ENFORCE_DATA_OWNERSHIP, ACCOUNT_RECOVERY, MAXIMUM_VAULT_TIMEOUT, DISABLE_PERSONAL_VAULT_EXPORT,
    REMOVE_UNLOCK_WITH_PIN, RESTRICTED_ITEM_TYPES, AUTOMATIC_CONFIRMATION, BLOCK_CLAIMED_DOMAIN_ACCOUNT_CREATION,
    SEND_CONTROLS;

    /** Enabling these revokes members that do not comply (reason {@code POLICY_NON_COMPLIANCE}). */
    public boolean revokesNonCompliant() {
        return this == REQUIRE_TWO_STEP_LOGIN || this == SINGLE_ORGANIZATION;
    }
}
