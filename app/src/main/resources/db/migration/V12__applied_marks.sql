-- What a source last applied to a member, on the member's identity of that source: the fingerprint of the
-- command and the member's version right after it. A later batch bringing the same command for a member still at
-- that version leaves the member alone (a no-op directory sync reads and writes nothing per person). A changed
-- identity row is re-inserted without a mark, which only means the next command is applied in full.
alter table member_identities add column applied_fingerprint varchar(64);
alter table member_identities add column applied_version bigint;
