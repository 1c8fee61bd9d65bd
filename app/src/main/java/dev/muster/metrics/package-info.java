/** Prometheus metrics: members by status and onboarding batch outcomes. */
package dev.muster.metrics;
