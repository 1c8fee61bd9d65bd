package dev.muster.scim;

import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.ItemOutcome;

/** Maps what the onboarding service did with a SCIM change to success or the SCIM error that says why not. */
final class Outcomes {
    private Outcomes() {
    }

    /** The first item that did not apply, as a fault; {@code null} when every item applied or was unchanged. */
    static ScimFault failure(BatchResult result) {
        for (var item : result.items()) {
            ScimFault fault = fault(item.outcome());
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    static ScimFault fault(ItemOutcome outcome) {
        if (outcome instanceof ItemOutcome.Rejected r) {
            if (r.code().equals("no-target")) {
                return ScimFault.notFound(r.reason());
            }
            return ScimFault.badRequest("invalidValue", r.reason());
        }
        if (outcome instanceof ItemOutcome.Skipped s) {
            if (s.code().equals("duplicate-email") || s.code().equals("duplicate-group-name")) {
                return ScimFault.conflict(s.reason());
            }
            return new ScimFault(409, null, s.code() + ": " + s.reason());
        }
        if (outcome instanceof ItemOutcome.Failed f) {
            return new ScimFault(f.retryable() ? 503 : 500, null, f.reason());
        }
        return null;
    }
}
