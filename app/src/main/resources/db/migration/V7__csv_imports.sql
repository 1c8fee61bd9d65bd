-- Applied CSV imports and their progress. The uploaded file is kept in the work directory until its last row is
-- applied; rows_done moves forward in the same transaction as the rows' outcomes in run_items, so an import
-- interrupted by a crash is finished on the next start from the first row not yet recorded.
create table csv_imports (
    id              uuid          not null primary key,
    organization_id uuid          not null references organizations (id),
    run_id          uuid          not null references runs (id),
    file_name       varchar(1000) not null,
    digest          varchar(64)   not null,
    stored_file     varchar(2000) not null,
    mode            varchar(16)   not null,
    actor_kind      varchar(16)   not null,
    actor_name      varchar(300)  not null,
    actor_member_id uuid,
    total_rows      integer       not null,
    rows_done       integer       not null,
    counts          text          not null,
    state           varchar(32)   not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index csv_imports_by_state on csv_imports (state, created_at);
create index csv_imports_by_digest on csv_imports (organization_id, digest);
