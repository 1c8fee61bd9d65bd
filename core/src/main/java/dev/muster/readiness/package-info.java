/**
 * Getting an organization ready for production: the production license and its checks, the readiness report
 * as small named rules (pass, warn or fail, each with its reason and the call that fixes it) and the readiness
 * gate that bulk onboarding asks before a large batch. Framework-free.
 */
package dev.muster.readiness;
