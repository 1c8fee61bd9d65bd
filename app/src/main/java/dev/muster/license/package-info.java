/**
 * The production license: Ed25519-signed documents verified against the configured public key, installed by
 * upload or by the license sync, and the upgrade of a trial organization to production.
 */
package dev.muster.license;
