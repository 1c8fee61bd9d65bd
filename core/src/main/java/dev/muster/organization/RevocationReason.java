package dev.muster.organization;

/** Why a member was revoked. */
public enum RevocationReason { MANUAL, SOURCE_DEACTIVATED, POLICY_NON_COMPLIANCE, SEAT_LIMIT }
