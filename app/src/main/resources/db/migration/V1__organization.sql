-- Organizations, their members, groups, collections, policies, audit trail and onboarding runs.
-- Portable between PostgreSQL 15 and H2 in PostgreSQL mode: no expression or partial indexes, so case-insensitive
-- lookups use lower-cased key columns that the application writes; JSON is stored as text.

create table organizations (
    id                     uuid         not null primary key,
    name                   varchar(200) not null,
    plan                   varchar(16)  not null,
    seats                  integer      not null,
    seat_limit             integer,
    invite_on_provisioning boolean      not null,
    removal_grace_period   varchar(64)  not null,
    readiness_gate         boolean      not null,
    created_at             timestamp with time zone not null,
    version                bigint       not null
);

create table members (
    id                uuid         not null primary key,
    organization_id   uuid         not null references organizations (id),
    email             varchar(254) not null,
    email_key         varchar(254) not null,
    name              varchar(300),
    attributes        text         not null,
    status            varchar(16)  not null,
    previous_status   varchar(16),
    revocation_reason varchar(32),
    remove_after      timestamp with time zone,
    role              varchar(16)  not null,
    permissions       varchar(1000) not null,
    role_pinned       boolean      not null,
    explanation       text         not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint       not null,
    constraint members_email_key_unique unique (organization_id, email_key)
);
-- Listing pages are ordered by e-mail key; each filter has an index in that order.
create index members_by_status on members (organization_id, status, email_key);
create index members_by_role on members (organization_id, role, status);
create index members_due_for_removal on members (remove_after);

create table member_identities (
    organization_id uuid         not null,
    member_id       uuid         not null references members (id) on delete cascade,
    source          varchar(16)  not null,
    source_id       varchar(300) not null,
    constraint member_identities_pk primary key (member_id, source),
    constraint member_identities_unique unique (organization_id, source, source_id)
);

create table groups (
    id              uuid         not null primary key,
    organization_id uuid         not null references organizations (id),
    name            varchar(100) not null,
    name_key        varchar(100) not null,
    external_id     varchar(300),
    source          varchar(16),
    source_id       varchar(300),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint       not null,
    constraint groups_identity_unique unique (organization_id, source, source_id),
    constraint groups_identity_complete check ((source is null) = (source_id is null))
);
create index groups_by_name on groups (organization_id, name_key);

create table group_members (
    organization_id uuid        not null,
    group_id        uuid        not null references groups (id) on delete cascade,
    member_id       uuid        not null references members (id) on delete cascade,
    origin          varchar(16) not null,
    constraint group_members_pk primary key (group_id, member_id, origin)
);
create index group_members_by_member on group_members (member_id);

create table collections (
    id              uuid         not null primary key,
    organization_id uuid         not null references organizations (id),
    name            varchar(200) not null,
    name_key        varchar(200) not null,
    external_id     varchar(300),
    created_at      timestamp with time zone not null
);
create index collections_by_name on collections (organization_id, name_key);

-- A grant goes to exactly one member or one group; nulls are distinct in unique constraints, so each
-- grantee kind gets its own uniqueness per collection and origin.
create table collection_grants (
    organization_id uuid        not null,
    collection_id   uuid        not null references collections (id) on delete cascade,
    member_id       uuid        references members (id) on delete cascade,
    group_id        uuid        references groups (id) on delete cascade,
    access_level    varchar(16) not null,
    origin          varchar(16) not null,
    constraint collection_grants_one_grantee check ((member_id is null) <> (group_id is null)),
    constraint collection_grants_member_unique unique (collection_id, member_id, origin),
    constraint collection_grants_group_unique unique (collection_id, group_id, origin)
);
create index collection_grants_by_member on collection_grants (member_id);
create index collection_grants_by_group on collection_grants (group_id);

create table policies (
    organization_id uuid        not null references organizations (id),
    type            varchar(64) not null,
    enabled         boolean     not null,
    settings        text        not null,
    constraint policies_pk primary key (organization_id, type)
);

create table audit_events (
    id              bigint generated by default as identity primary key,
    organization_id uuid         not null references organizations (id),
    occurred_at     timestamp with time zone not null,
    actor_kind      varchar(16)  not null,
    actor_name      varchar(300) not null,
    actor_member_id uuid,
    type            varchar(32)  not null,
    subject         varchar(300),
    detail          text,
    reason          text
);
create index audit_events_by_time on audit_events (organization_id, occurred_at, id);

create table runs (
    id              uuid         not null primary key,
    organization_id uuid         not null references organizations (id),
    source          varchar(16)  not null,
    actor           varchar(300),
    triggered_by    varchar(1000) not null,
    dry_run         boolean      not null,
    state           varchar(32)  not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    counts          text         not null,
    error           text
);
create index runs_by_start on runs (organization_id, started_at, id);

create table run_items (
    run_id     uuid          not null references runs (id) on delete cascade,
    item_index integer       not null,
    item_key   varchar(1000),
    outcome    varchar(16)   not null,
    detail     text          not null,
    constraint run_items_pk primary key (run_id, item_index)
);
