-- Members occupying a seat (INVITED, ACCEPTED, CONFIRMED) per organization. The members storage keeps it in the
-- same transaction as every member write, so that claiming a seat reads one row instead of counting the
-- organization's members for every invitation (docs/benchmarks.md: the count made large imports quadratic).
create table seat_counts (
    organization_id uuid   not null primary key references organizations (id),
    occupied        bigint not null
);
insert into seat_counts (organization_id, occupied)
select o.id, (select count(*) from members m where m.organization_id = o.id
              and m.status in ('INVITED', 'ACCEPTED', 'CONFIRMED'))
from organizations o;
