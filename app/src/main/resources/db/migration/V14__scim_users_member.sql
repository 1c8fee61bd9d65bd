-- A SCIM user is listed while the provider has not deleted it and its member exists. The member was found with an
-- `exists` over member_identities for every row, so a list page evaluated it for the whole organization and sorted
-- all of it: over a second per page at 100,000 users. The member is now a column that PostgreSQL and H2 clear
-- themselves when the member is removed (after the grace period, by an admin, by a purge), and one index serves the
-- default order (meta.created) with everything the condition needs.
alter table scim_users add column member_id uuid;
update scim_users set member_id = (select i.member_id from member_identities i
    where i.organization_id = scim_users.organization_id and i.source = 'SCIM' and i.source_id = scim_users.scim_id);
create index scim_users_by_member on scim_users (member_id);
alter table scim_users add constraint scim_users_member_fk foreign key (member_id) references members (id)
    on delete set null;
create index scim_users_listed on scim_users (organization_id, deleted, created_at, scim_id, member_id);
