package dev.muster.scim;

import dev.muster.organization.Groups;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A SCIM 2.0 service provider for one organization at a time (RFC 7644): dispatches a request to its endpoint and
 * says what happens next, an answer now or a batch for the onboarding service whose result completes the answer.
 * Every refusal is answered in the SCIM error schema.
 *
 * <pre>{@code
 * ScimStep step = server.plan(request);
 * ScimResponse response = step instanceof ScimStep.Apply apply
 *         ? apply.complete(onboarding.run(apply.batch())) : ((ScimStep.Respond) step).response();
 * }</pre>
 */
public final class ScimServer {
    private final ScimUsers users;
    private final ScimGroups groups;
    private final Discovery discovery = new Discovery();

    public ScimServer(ScimUserRecords records, Members members, Groups groups, Clock clock) {
        this.users = new ScimUsers(records, members, clock);
        this.groups = new ScimGroups(groups, members, users);
    }

    /** What the request needs: never throws for a bad request, only for faults of the server itself. */
    public ScimStep plan(ScimRequest request) {
        try {
            return guarded(dispatch(request));
        } catch (ScimFault fault) {
            return new ScimStep.Respond(fault.response());
        }
    }

    /** The answer to a request refused before it reached the server (authentication, size, rate). */
    public static ScimResponse error(int status, String scimType, String detail) {
        return new ScimFault(status, scimType, detail).response();
    }

    private static ScimStep guarded(ScimStep step) {
        if (step instanceof ScimStep.Apply apply) {
            return new ScimStep.Apply(apply.batch(), result -> {
                try {
                    return apply.complete(result);
                } catch (ScimFault fault) {
                    return fault.response();
                } catch (ScimUserRecords.Taken taken) {
                    return ScimFault.conflict(taken.getMessage()).response();
                }
            });
        }
        return step;
    }

    private ScimStep dispatch(ScimRequest request) {
        OrganizationId organization;
        try {
            organization = OrganizationId.of(request.organizationId());
        } catch (IllegalArgumentException e) {
            throw ScimFault.notFound("no organization " + request.organizationId());
        }
        var context = new ScimContext(organization, request.actor(), request.baseUrl());
        List<String> segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            throw ScimFault.notFound("no SCIM endpoint at the root; use /Users, /Groups or /ServiceProviderConfig");
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        checkContentType(request);
        return switch (segments.get(0)) {
            case "Users" -> users(context, request, method, segments);
            case "Groups" -> groups(context, request, method, segments);
            case ".search" -> {
                only(method, "POST", segments, 1);
                yield respond(searchAll(context, ListParameters.of(ListParameters.fromSearch(
                        ScimJson.object(request.body())))));
            }
            case "ServiceProviderConfig", "ResourceTypes", "Schemas" -> {
                only(method, "GET", segments, segments.get(0).equals("ServiceProviderConfig") ? 1 : 2);
                yield respond(discovery.answer(segments, request.baseUrl()));
            }
            case "Me", "Bulk" -> throw new ScimFault(501, null, "/" + segments.get(0) + " is not implemented");
            default -> throw ScimFault.notFound("no SCIM endpoint /" + String.join("/", segments));
        };
    }

    private ScimStep users(ScimContext context, ScimRequest request, String method, List<String> segments) {
        if (segments.size() == 1) {
            return switch (method) {
                case "GET" -> respond(listUsers(context, ListParameters.of(request.query())));
                case "POST" -> users.create(context, ScimJson.object(request.body()),
                        ListParameters.of(request.query()).projection());
                default -> throw notAllowed(method, "/Users");
            };
        }
        atMost(segments, 2);
        String id = segments.get(1);
        if (id.equals(".search")) {
            only(method, "POST", segments, 2);
            return respond(listUsers(context, ListParameters.of(ListParameters.fromSearch(
                    ScimJson.object(request.body())))));
        }
        var parameters = ListParameters.of(request.query());
        return switch (method) {
            case "GET" -> respond(users.get(context, id, parameters.projection(), request.ifNoneMatch()));
            case "PUT" -> users.replace(context, id, ScimJson.object(request.body()), request.ifMatch(),
                    parameters.projection());
            case "PATCH" -> users.patch(context, id, ScimJson.object(request.body()), request.ifMatch(),
                    parameters.projection(), request.param("attributes") != null
                            || request.param("excludedAttributes") != null);
            case "DELETE" -> users.delete(context, id, request.ifMatch());
            default -> throw notAllowed(method, "/Users/{id}");
        };
    }

    private ScimStep groups(ScimContext context, ScimRequest request, String method, List<String> segments) {
        if (segments.size() == 1) {
            return switch (method) {
                case "GET" -> respond(listGroups(context, ListParameters.of(request.query())));
                case "POST" -> groups.create(context, ScimJson.object(request.body()));
                default -> throw notAllowed(method, "/Groups");
            };
        }
        atMost(segments, 2);
        String id = segments.get(1);
        if (id.equals(".search")) {
            only(method, "POST", segments, 2);
            return respond(listGroups(context, ListParameters.of(ListParameters.fromSearch(
                    ScimJson.object(request.body())))));
        }
        var parameters = ListParameters.of(request.query());
        return switch (method) {
            case "GET" -> respond(groups.get(context, id, parameters.projection(), request.ifNoneMatch()));
            case "PUT" -> groups.replace(context, id, ScimJson.object(request.body()), request.ifMatch());
            case "PATCH" -> groups.patch(context, id, ScimJson.object(request.body()), request.ifMatch(),
                    parameters.projection(), request.param("attributes") != null
                            || request.param("excludedAttributes") != null);
            case "DELETE" -> groups.delete(context, id, request.ifMatch());
            default -> throw notAllowed(method, "/Groups/{id}");
        };
    }

    private ScimResponse listUsers(ScimContext context, ListParameters parameters) {
        return UserListing.response(users.list(context, parameters), parameters);
    }

    private ScimResponse listGroups(ScimContext context, ListParameters parameters) {
        return UserListing.response(groups.list(context, parameters), parameters);
    }

    /** A search at the root spans Users and Groups (RFC 7644 section 3.4.3), Users first. */
    private ScimResponse searchAll(ScimContext context, ListParameters parameters) {
        var everything = new ListParameters(parameters.filter(), null, false, 1, ListParameters.MAX_COUNT,
                parameters.projection());
        var found = new java.util.ArrayList<>(users.list(context, everything).resources());
        found.addAll(groups.list(context, everything).resources());
        int from = (int) Math.min(found.size(), parameters.startIndex() - 1);
        int to = Math.min(found.size(), from + parameters.count());
        return UserListing.response(new UserListing.Listed(found.size(), found.subList(from, to)), parameters);
    }

    private static void checkContentType(ScimRequest request) {
        if (request.hasBody() && request.contentType() != null
                && !request.contentType().toLowerCase(Locale.ROOT).contains("json")) {
            throw new ScimFault(415, null, "the body must be application/scim+json or application/json, not "
                    + request.contentType());
        }
    }

    private static void atMost(List<String> segments, int maxSegments) {
        if (segments.size() > maxSegments) {
            throw ScimFault.notFound("no SCIM endpoint /" + String.join("/", segments));
        }
    }

    private static void only(String method, String allowed, List<String> segments, int maxSegments) {
        atMost(segments, maxSegments);
        if (!method.equals(allowed)) {
            throw notAllowed(method, "/" + String.join("/", segments));
        }
    }

    private static ScimFault notAllowed(String method, String endpoint) {
        return new ScimFault(405, null, method + " is not supported on " + endpoint);
    }

    private static ScimStep respond(ScimResponse response) {
        return new ScimStep.Respond(response);
    }

}
