-- Directory (LDAP / Active Directory) sync: one configuration per organization, sync progress, held plans.
-- The bind password is never stored in plain text: bind_password holds "v1:" + base64(iv || AES-256-GCM
-- ciphertext+tag), with the organization id as associated data. The key is not in the database: it comes from
-- MUSTER_DIRECTORY_SECRET_KEY or a key file in the data directory (see docs/ldap.md).
create table directory_configurations (
    organization_id uuid          not null primary key references organizations (id),
    settings        text          not null,
    bind_password   varchar(1000),
    enabled         boolean       not null,
    updated_at      timestamp with time zone not null
);

create table directory_sync_marks (
    organization_id uuid not null primary key references organizations (id),
    last_full_read  timestamp with time zone,
    last_read       timestamp with time zone,
    -- Active Directory's highestCommittedUSN at the start of that read, when incremental runs follow uSNChanged.
    last_change_mark varchar(40)
);

-- A run over a revocation threshold waits here, with the read it came from, until approved or rejected.
create table directory_held_plans (
    run_id          uuid          not null primary key,
    organization_id uuid          not null references organizations (id),
    read_snapshot   text          not null,
    fingerprint     varchar(64)   not null,
    triggered_by    varchar(1000) not null,
    held_at         timestamp with time zone not null
);
create index directory_held_plans_by_org on directory_held_plans (organization_id);
