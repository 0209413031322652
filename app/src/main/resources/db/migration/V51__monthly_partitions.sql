-- The SLA ledger and the case events become monthly range partitions by the month (Beijing time) in
-- which their case was reported: all rows of a case share one partition, so the ledger's
-- idempotency keys stay unique per case, and retention drops a month's partition (once all of its
-- cases are closed) instead of deleting rows. Rows whose case has no case_file (case_month null)
-- go to the default partition. The supervision read model (V50) keeps the figures of dropped months.
-- The application creates the partitions of the coming months (PartitionMaintenance); this
-- migration creates those of every month that has cases, up to a year ahead.

-- sla_ledger ---------------------------------------------------------------------------------
alter table sla_ledger rename to sla_ledger_v50;
alter sequence sla_ledger_id_seq owned by none;
create table sla_ledger (like sla_ledger_v50 including defaults including constraints, case_month date)
  partition by range (case_month);
alter sequence sla_ledger_id_seq owned by sla_ledger.id;
create table sla_ledger_default partition of sla_ledger default;

-- case_event ---------------------------------------------------------------------------------
alter table case_event rename to case_event_v50;
alter sequence case_event_id_seq owned by none;
create table case_event (like case_event_v50 including defaults including constraints, case_month date)
  partition by range (case_month);
alter sequence case_event_id_seq owned by case_event.id;
create table case_event_default partition of case_event default;

-- the months ---------------------------------------------------------------------------------
create function linli_ensure_month_partitions(first_month date, last_month date) returns void
language plpgsql as $$
declare
  m date := date_trunc('month', first_month)::date;
  t text;
begin
  while m <= last_month loop
    foreach t in array array['sla_ledger', 'case_event'] loop
      if to_regclass(t || '_' || to_char(m, 'YYYYMM')) is null then
        execute format('create table %I partition of %I for values from (%L) to (%L)',
          t || '_' || to_char(m, 'YYYYMM'), t, m, (m + interval '1 month')::date);
      end if;
    end loop;
    m := (m + interval '1 month')::date;
  end loop;
end;
$$;

select linli_ensure_month_partitions(
  coalesce((select min(reported_at at time zone 'Asia/Shanghai')::date from case_file),
           (now() at time zone 'Asia/Shanghai')::date),
  ((now() at time zone 'Asia/Shanghai') + interval '12 months')::date);

-- The first month whose rows are still held, once retention has dropped a month: the read model's
-- rebuild keeps what it knew of the cases reported before it.
create table ledger_retention (
  id             boolean primary key default true check (id),
  retained_from  date not null
);

-- the rows -----------------------------------------------------------------------------------
insert into sla_ledger
select l.*, (select date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date
             from case_file c where c.case_no = l.case_no)
from sla_ledger_v50 l order by l.id;

insert into case_event
select e.*, (select date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date
             from case_file c where c.case_no = e.case_no)
from case_event_v50 e order by e.id;

drop table sla_ledger_v50;
drop table case_event_v50;

-- keys and indexes (a unique key of a partitioned table names the partition key: the case's month
-- is fixed by its number, so uniqueness per case is kept; NULLS NOT DISTINCT keeps it in the
-- default partition too) --------------------------------------------------------------------
create index sla_ledger_id_idx on sla_ledger (id);
create unique index sla_ledger_one_breach on sla_ledger (flow, case_no, clock, level, case_month)
  nulls not distinct where event = 'BREACHED';
create unique index sla_ledger_one_start on sla_ledger (flow, case_no, clock, level, case_month)
  nulls not distinct where event = 'STARTED';
create unique index sla_ledger_one_stop on sla_ledger (flow, case_no, clock, level, task_id, case_month)
  nulls not distinct where event in ('MET', 'RESOLVED');
create index sla_ledger_case_idx on sla_ledger (case_no, clock, level, event);

create index case_event_id_idx on case_event (id);
create index case_event_case_idx on case_event (case_no, occurred_at);
create index case_event_type_idx on case_event (event_type, occurred_at); -- as V42 made it

-- append-only, as before (dropping a whole partition is retention, not a change of a row)
create trigger sla_ledger_no_update before update or delete on sla_ledger
  for each row execute function sla_ledger_append_only();
