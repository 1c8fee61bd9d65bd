-- Role-assignment rule sets: every saved version of an organization's rules, as the admin wrote them.
-- The current rule set is the highest version; (organization, version) being the key makes saving a
-- compare-and-set: two admins saving on top of the same version cannot both succeed.

create table role_rule_sets (
    organization_id uuid         not null references organizations (id),
    version         bigint       not null,
    format          varchar(8)   not null,
    document        text         not null,
    saved_at        timestamp with time zone not null,
    saved_by        varchar(300) not null,
    run_id          uuid,
    constraint role_rule_sets_pk primary key (organization_id, version)
);
