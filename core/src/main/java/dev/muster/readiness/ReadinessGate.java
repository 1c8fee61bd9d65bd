package dev.muster.readiness;

import dev.muster.organization.Organization;
import dev.muster.organization.Source;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Asked before a bulk batch (a directory sync that would bring in more than {@code threshold} new people, a CSV
 * of more than {@code threshold} rows): an expired license always stops it; with the organization's
 * {@code readinessGate} setting on, so does every failing required readiness item. Small batches, SCIM pushes,
 * manual changes and dry runs are never gated.
 *
 * <pre>{@code
 * if (gate.admit(organization, Source.CSV, rows) instanceof ReadinessGate.Decision.Refused refused) {
 *     throw new BulkOnboardingRefused(refused);
 * }
 * }</pre>
 */
public final class ReadinessGate {
    /** The sources whose batches are bulk onboarding. */
    public static final Set<Source> BULK_SOURCES = EnumSet.of(Source.CSV, Source.DIRECTORY);

    private final ReadinessFactsSource facts;
    private final int threshold;

    /** @param threshold the most people a batch may bring in without being gated */
    public ReadinessGate(ReadinessFactsSource facts, int threshold) {
        this.facts = Objects.requireNonNull(facts, "facts");
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** The gate's answer. */
    public sealed interface Decision {
        record Admitted() implements Decision {
        }

        /**
         * @param code {@code license-expired} or {@code readiness-gate}
         * @param failing the items that keep the gate closed
         */
        record Refused(String code, String reason, List<ReadinessItem> failing) implements Decision {
            public Refused {
                failing = List.copyOf(failing);
            }
        }
    }

    /** @param people the people the batch brings in: CSV rows, or new people of a directory sync */
    public Decision admit(Organization organization, Source source, int people) {
        if (!BULK_SOURCES.contains(source) || people <= threshold) {
            return new Decision.Admitted();
        }
        ReadinessFacts current = facts.gather(organization.id());
        if (current.license() != null && current.license().license().expired(current.now())) {
            License license = current.license().license();
            return new Decision.Refused("license-expired", "bulk onboarding of " + people + " people is stopped: "
                    + "license " + license.licenseId() + " expired at " + license.expiresAt() + "; existing members "
                    + "keep working; install a current license (PUT /api/organizations/" + organization.id()
                    + "/license)", List.of());
        }
        if (!organization.settings().readinessGate()) {
            return new Decision.Admitted();
        }
        List<ReadinessItem> failing = ReadinessRules.evaluate(current).blocking();
        if (failing.isEmpty()) {
            return new Decision.Admitted();
        }
        return new Decision.Refused("readiness-gate", "bulk onboarding of " + people + " people (more than "
                + threshold + ") is refused while required readiness items fail: " + String.join(", ",
                failing.stream().map(i -> i.id() + " (" + i.reason() + ")").toList()), failing);
    }
}
