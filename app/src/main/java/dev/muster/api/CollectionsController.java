package dev.muster.api;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.Grantee;
import dev.muster.organization.GroupId;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Collections and who has access to them, directly or through a group. */
@RestController
@RequestMapping("/api/organizations/{org}/collections")
class CollectionsController {
    private final KnownOrganization known;
    private final Collections collections;
    private final GroupsController.Audit audit;

    CollectionsController(KnownOrganization known, Collections collections, GroupsController.Audit audit) {
        this.known = known;
        this.collections = collections;
        this.audit = audit;
    }

    record CollectionBody(@NotBlank @Size(max = 200) String name, @Size(max = 300) String externalId) {
    }

    /** Exactly one of memberId and groupId. */
    record AccessBody(String memberId, String groupId, @NotNull AccessLevel level) {
    }

    record AccessView(String grantee, String granteeId, AccessLevel level, Origin origin) {
    }

    record CollectionView(String id, String name, String externalId, List<AccessView> access) {
    }

    @GetMapping
    List<CollectionView> list(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        return collections.list(id).stream().map(c -> view(id, c)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CollectionView create(@PathVariable String org, @Valid @RequestBody CollectionBody body) {
        OrganizationId id = known.resolve(org);
        return audit.transactions.execute(s -> {
            if (collections.findByName(id, body.name()).isPresent()) {
                throw new ApiProblems.Refused(HttpStatus.CONFLICT, "duplicate-collection-name",
                        "a collection named \"" + body.name() + "\" already exists");
            }
            Collection c = collections.insert(new Collection(CollectionId.random(), id, body.name(),
                    body.externalId(), audit.clock.instant()));
            audit.record(id, AuditEventType.COLLECTION_CREATED, c.id(), c.name());
            return view(id, c);
        });
    }

    @PutMapping("/{collection}/access")
    CollectionView grant(@PathVariable String org, @PathVariable String collection,
                         @Valid @RequestBody AccessBody body) {
        OrganizationId id = known.resolve(org);
        if ((body.memberId() == null) == (body.groupId() == null)) {
            throw new ApiProblems.Refused(HttpStatus.BAD_REQUEST, "invalid-value",
                    "give exactly one of 'memberId' and 'groupId'");
        }
        Grantee grantee = body.memberId() != null ? new Grantee.OfMember(MemberId.of(body.memberId()))
                : new Grantee.OfGroup(GroupId.of(body.groupId()));
        return audit.transactions.execute(s -> {
            Collection c = collections.find(id, CollectionId.of(collection))
                    .orElseThrow(() -> ApiProblems.Refused.notFound("collection " + collection));
            collections.grant(id, new CollectionGrant(c.id(), grantee, body.level(), Origin.MANUAL));
            audit.record(id, AuditEventType.COLLECTION_ACCESS_CHANGED, c.id(), grantee + " " + body.level());
            return view(id, c);
        });
    }

    private CollectionView view(OrganizationId org, Collection c) {
        return new CollectionView(c.id().toString(), c.name(), c.externalId(),
                collections.grants(org, c.id()).stream().map(g -> g.grantee() instanceof Grantee.OfMember m
                        ? new AccessView("member", m.memberId().toString(), g.level(), g.origin())
                        : new AccessView("group", ((Grantee.OfGroup) g.grantee()).groupId().toString(), g.level(),
                        g.origin())).toList());
    }
}
