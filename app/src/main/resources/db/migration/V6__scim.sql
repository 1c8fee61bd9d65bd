-- SCIM provisioning: per-organization bearer tokens (only their SHA-256 hash is stored) and the SCIM view of
-- provisioned people that the member itself does not hold (userName, externalId, the accepted resource).
-- A SCIM user's id is the source id of the member's SCIM identity (member_identities, source 'SCIM').

create table scim_tokens (
    id              uuid         not null primary key,
    organization_id uuid         not null references organizations (id),
    name            varchar(100) not null,
    provider        varchar(16)  not null,
    token_hash      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint scim_tokens_hash_unique unique (token_hash)
);
create index scim_tokens_by_organization on scim_tokens (organization_id, created_at);

create table scim_users (
    organization_id uuid          not null references organizations (id),
    scim_id         varchar(300)  not null,
    user_name       varchar(300)  not null,
    user_name_key   varchar(300)  not null,
    external_id     varchar(300),
    display_name    varchar(300),
    display_name_key varchar(300),
    resource        text          not null,
    deleted         boolean       not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint        not null,
    constraint scim_users_pk primary key (organization_id, scim_id),
    constraint scim_users_user_name_unique unique (organization_id, user_name_key),
    constraint scim_users_external_id_unique unique (organization_id, external_id)
);
create index scim_users_by_display_name on scim_users (organization_id, display_name_key);
create index scim_users_by_created on scim_users (organization_id, created_at, scim_id);
create index scim_users_by_updated on scim_users (organization_id, updated_at, scim_id);
