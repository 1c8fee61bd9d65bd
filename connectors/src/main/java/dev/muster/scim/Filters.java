package dev.muster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;

import java.util.Optional;

/**
 * SCIM filters (RFC 7644 section 3.4.2.2) parsed and evaluated by the SDK. A filter that is a single
 * {@code eq} on an indexed attribute is recognised so that it runs as a database lookup.
 */
final class Filters {
    private final Filter filter;

    private Filters(Filter filter) {
        this.filter = filter;
    }

    /** An {@code attribute eq "value"} on one of the attributes storage looks up by index. */
    record Lookup(String attribute, String value) {
    }

    static Filters parse(String text) {
        try {
            return new Filters(Filter.fromString(text));
        } catch (ScimException e) {
            throw new ScimFault(400, "invalidFilter", "invalid filter '" + text + "': "
                    + ScimFault.of(e).getMessage());
        }
    }

    boolean matches(JsonNode resource) {
        try {
            return FilterEvaluator.evaluate(filter, resource);
        } catch (ScimException e) {
            throw new ScimFault(400, "invalidFilter", "the filter cannot be evaluated: " + ScimFault.of(e).getMessage());
        }
    }

    /** The indexed lookup this filter amounts to, if it is one; attribute names are lower-cased. */
    Optional<Lookup> lookup(String coreSchema) {
        if (filter.getFilterType() != FilterType.EQUAL || filter.getComparisonValue() == null
                || !filter.getComparisonValue().isTextual()) {
            return Optional.empty();
        }
        Path path = filter.getAttributePath();
        if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(coreSchema)) {
            return Optional.empty();
        }
        var name = new StringBuilder();
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                return Optional.empty();
            }
            name.append(name.length() == 0 ? "" : ".").append(element.getAttribute().toLowerCase());
        }
        return Optional.of(new Lookup(name.toString(), filter.getComparisonValue().textValue()));
    }
}
