-- Invitation links and the e-mail outbox. A link's token is never stored: only its SHA-256 hash, and the
-- HMAC key that signs links lives in installation_secrets unless the environment supplies one.
create table invitations (
    id              uuid        not null primary key,
    organization_id uuid        not null references organizations (id),
    member_id       uuid        not null references members (id) on delete cascade,
    token_hash      varchar(64) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    voided_at       timestamp with time zone
);
create index invitations_by_member on invitations (member_id);

-- Written in the same transaction as the change that causes it, delivered by the mail route with retry:
-- with SMTP down nothing is lost; each row is sent once and then its body (which carries a live link) cleared.
create table mail_outbox (
    id              uuid          not null primary key,
    organization_id uuid          not null references organizations (id),
    member_id       uuid          references members (id) on delete set null,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body            text,
    created_at      timestamp with time zone not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    sent_at         timestamp with time zone,
    last_error      varchar(2000)
);
create index mail_outbox_due on mail_outbox (sent_at, next_attempt_at);

create table installation_secrets (
    name       varchar(64)  not null primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);
