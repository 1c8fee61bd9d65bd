package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lists Users. The lookups identity providers make before every change ({@code userName eq}, {@code externalId eq},
 * {@code id eq}, {@code emails.value eq}, {@code displayName eq}) run as indexed queries; any other filter is
 * evaluated page by page over the organization's SCIM users in storage order, holding one page at a time.
 */
final class UserListing {
    private static final int SCAN_PAGE = 200;
    private static final Map<String, ScimUserRecords.SortKey> SORT_KEYS = Map.of(
            "username", ScimUserRecords.SortKey.USER_NAME, "externalid", ScimUserRecords.SortKey.EXTERNAL_ID,
            "id", ScimUserRecords.SortKey.ID, "meta.created", ScimUserRecords.SortKey.CREATED,
            "meta.lastmodified", ScimUserRecords.SortKey.LAST_MODIFIED);

    private final ScimUserRecords records;
    private final Members members;

    UserListing(ScimUserRecords records, Members members) {
        this.records = records;
        this.members = members;
    }

    /** One page of matches and the total number of matches. */
    record Listed(long total, List<ObjectNode> resources) {
    }

    Listed list(ScimContext context, ListParameters parameters) {
        ScimUserRecords.SortKey sortKey = sortKey(parameters.sortBy());
        if (parameters.filter() == null) {
            Page<ScimUserRecord> page = records.list(context.organization(), sortKey, parameters.descending(),
                    parameters.startIndex() - 1, Math.max(1, parameters.count()));
            List<ObjectNode> resources = new ArrayList<>();
            if (parameters.count() > 0) {
                page.items().forEach(r -> render(context, r).ifPresent(resources::add));
            }
            return new Listed(page.total(), resources);
        }
        Filters filter = Filters.parse(parameters.filter());
        Optional<Filters.Lookup> lookup = filter.lookup(ScimJson.USER_SCHEMA);
        if (lookup.isPresent() && lookup.get().attribute().equals("displayname")) {
            var matches = new ArrayList<ObjectNode>();
            for (ScimUserRecord record : records.findByDisplayName(context.organization(), lookup.get().value(),
                    ListParameters.MAX_COUNT)) {
                render(context, record).filter(filter::matches).ifPresent(matches::add);
            }
            int from = (int) Math.min(matches.size(), parameters.startIndex() - 1);
            int to = Math.min(matches.size(), from + parameters.count());
            return new Listed(matches.size(), matches.subList(from, to));
        }
        if (lookup.isPresent() && indexed(lookup.get().attribute())) {
            var matches = new ArrayList<ObjectNode>();
            indexedLookup(context.organization(), lookup.get()).flatMap(r -> render(context, r))
                    .filter(filter::matches).ifPresent(matches::add);
            return new Listed(matches.size(),
                    parameters.startIndex() == 1 && parameters.count() > 0 ? matches : List.of());
        }
        return scan(context, parameters, filter, sortKey);
    }

    private Listed scan(ScimContext context, ListParameters parameters, Filters filter,
                              ScimUserRecords.SortKey sortKey) {
        long total = 0;
        var window = new ArrayList<ObjectNode>();
        for (long offset = 0; ; offset += SCAN_PAGE) {
            Page<ScimUserRecord> page = records.list(context.organization(), sortKey, parameters.descending(), offset,
                    SCAN_PAGE);
            for (ScimUserRecord record : page.items()) {
                Optional<ObjectNode> user = render(context, record).filter(filter::matches);
                if (user.isPresent()) {
                    total++;
                    if (total >= parameters.startIndex() && window.size() < parameters.count()) {
                        window.add(user.get());
                    }
                }
            }
            if (page.items().size() < SCAN_PAGE) {
                return new Listed(total, window);
            }
        }
    }

    private static boolean indexed(String attribute) {
        return List.of("username", "externalid", "id", "emails.value").contains(attribute);
    }

    private Optional<ScimUserRecord> indexedLookup(OrganizationId organization, Filters.Lookup lookup) {
        return switch (lookup.attribute()) {
            case "username" -> records.findByUserName(organization, lookup.value());
            case "externalid" -> records.findByExternalId(organization, lookup.value());
            case "id" -> records.find(organization, lookup.value());
            default -> members.findByEmail(organization, lookup.value())
                    .flatMap(m -> m.identity(Source.SCIM))
                    .flatMap(identity -> records.find(organization, identity.sourceId()));
        };
    }

    private Optional<ObjectNode> render(ScimContext context, ScimUserRecord record) {
        if (record.deleted()) {
            return Optional.empty();
        }
        Optional<Member> member = members.findByIdentity(context.organization(),
                new ExternalIdentity(Source.SCIM, record.id()));
        return member.map(m -> UserResources.render(record, m, context.baseUrl()));
    }

    private static ScimUserRecords.SortKey sortKey(String sortBy) {
        if (sortBy == null) {
            return ScimUserRecords.SortKey.CREATED;
        }
        String key = sortBy.toLowerCase(Locale.ROOT);
        if (key.startsWith(ScimJson.USER_SCHEMA.toLowerCase(Locale.ROOT) + ":")) {
            key = key.substring(ScimJson.USER_SCHEMA.length() + 1);
        }
        ScimUserRecords.SortKey sortKey = SORT_KEYS.get(key);
        if (sortKey == null) {
            throw ScimFault.badRequest("invalidValue", "sortBy '" + sortBy
                    + "' is not supported; use userName, externalId, id, meta.created or meta.lastModified");
        }
        return sortKey;
    }

    static ScimResponse response(Listed listed, ListParameters parameters) {
        long total = listed.total();
        List<ObjectNode> resources = listed.resources();
        ObjectNode list = ScimJson.newObject();
        list.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        list.put("totalResults", total);
        list.put("startIndex", parameters.startIndex());
        list.put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(r -> array.add(parameters.projection().apply(r)));
        return ScimResponse.json(200, ScimJson.write(list));
    }
}
