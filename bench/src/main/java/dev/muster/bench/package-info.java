/**
 * Benchmarks of the onboarding paths at scale: each starts the packaged Muster app as its own process, drives it
 * over its real protocols on 127.0.0.1 and reports every figure beside the limit it is measured against.
 */
package dev.muster.bench;
