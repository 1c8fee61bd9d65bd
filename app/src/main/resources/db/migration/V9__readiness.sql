-- Production readiness: installed licenses, the license sync's state, readiness state per organization and the
-- collections, groups and members marked as test data.

create table licenses (
    organization_id uuid         not null primary key references organizations (id),
    license_id      varchar(200) not null,
    plan            varchar(16)  not null,
    seats           integer      not null,
    issued_at       timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    features        text         not null,
    document        text         not null,
    installed_at    timestamp with time zone not null,
    installed_by    varchar(300) not null
);

create table license_sync_state (
    organization_id uuid not null primary key references organizations (id),
    last_success_at timestamp with time zone,
    last_failure_at timestamp with time zone,
    last_error      text
);

create table organization_readiness (
    organization_id uuid not null primary key references organizations (id),
    upgraded_at     timestamp with time zone,
    last_purge_at   timestamp with time zone,
    server_url      varchar(2000)
);

-- subject_id names a collection, group or member (by kind); a mark whose subject is gone no longer counts.
create table test_data_marks (
    organization_id uuid        not null references organizations (id),
    kind            varchar(16) not null,
    subject_id      uuid        not null,
    constraint test_data_marks_pk primary key (organization_id, kind, subject_id)
);
