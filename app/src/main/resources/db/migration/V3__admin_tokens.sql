-- The installation's generated admin token, stored only as a SHA-256 hash.
create table admin_tokens (
    id         integer primary key,
    token_hash varchar(64) not null,
    created_at timestamp not null
);
