package dev.muster.readiness;

import dev.muster.organization.OrganizationId;

/** Reads the facts the readiness rules look at (the application implements it over its storage). */
public interface ReadinessFactsSource {
    ReadinessFacts gather(OrganizationId organization);
}
