package dev.muster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Paging, sorting, filtering and projection of a list or search (RFC 7644 sections 3.4.2 and 3.4.3).
 * {@code startIndex} defaults to 1 and values below 1 count as 1; {@code count} defaults to 100 and is capped
 * at 1000, negative counts as 0.
 *
 * @param startIndex 1-based
 */
record ListParameters(String filter, String sortBy, boolean descending, long startIndex, int count,
                      Projection projection) {
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    static ListParameters of(Map<String, String> query) {
        var request = new ScimRequest("GET", "-", "/", query, null, null, null, null, "-", null);
        String sortOrder = request.param("sortOrder");
        if (sortOrder != null && !sortOrder.equalsIgnoreCase("ascending") && !sortOrder.equalsIgnoreCase("descending")) {
            throw ScimFault.badRequest("invalidValue", "sortOrder must be 'ascending' or 'descending', not '"
                    + sortOrder + "'");
        }
        long startIndex = Math.max(1, number(request.param("startIndex"), "startIndex", 1));
        long count = number(request.param("count"), "count", DEFAULT_COUNT);
        return new ListParameters(request.param("filter"), request.param("sortBy"),
                "descending".equalsIgnoreCase(sortOrder), startIndex, (int) Math.max(0, Math.min(MAX_COUNT, count)),
                Projection.of(request.param("attributes"), request.param("excludedAttributes")));
    }

    /** The body of a {@code POST .search} (RFC 7644 section 3.4.3) as the equivalent query parameters. */
    static Map<String, String> fromSearch(ObjectNode search) {
        var query = new HashMap<String, String>();
        for (String name : new String[] {"filter", "sortBy", "sortOrder", "startIndex", "count", "attributes",
                "excludedAttributes"}) {
            JsonNode value = ScimJson.field(search, name);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                var joined = new StringBuilder();
                value.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
                query.put(name, joined.toString());
            } else {
                query.put(name, value.asText());
            }
        }
        return query;
    }

    private static long number(String value, String name, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ScimFault.badRequest("invalidValue", name + " must be an integer, not '" + value + "'");
        }
    }
}
