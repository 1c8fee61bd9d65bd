-- Route messages that exhausted their redeliveries, kept with the failure reason.
create table dead_letters (
    id         uuid primary key,
    route_id   varchar(200),
    body       text,
    reason     varchar(2000) not null,
    created_at timestamp not null
);
create index dead_letters_created on dead_letters (created_at);
