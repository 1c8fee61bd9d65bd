/**
 * The one onboarding service: SCIM, directory sync and CSV invitations all hand it batches of source-neutral
 * commands, and it correlates, applies role rules, enforces the guards and records a run with per-item outcomes.
 */
package dev.muster.onboarding;
