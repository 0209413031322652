-- Supervision (issue 7): the SLA ledger becomes one row per clock per case, with the dimensions the
-- audit and the governance reports (红黑榜, 双晒) group by.

-- 物业服务企业 (or a community-run 物业服务社, seed 001; a public-interest 物业服务中心, seed 000).
-- An estate is served by at most one at a time; a company may serve estates in several communities.
create table property_company (
  id   bigserial primary key,
  code varchar(32) not null unique,
  name varchar(100) not null,
  kind varchar(16) not null default 'COMPANY' check (kind in ('COMPANY', 'COMMUNITY_RUN', 'PUBLIC_INTEREST'))
);
alter table estate add column property_company_id bigint references property_company (id);

-- Every case of every flow with the dimensions the audit needs, so the ledger and the reports
-- resolve estate, property company and category in one place.
create view sla_case as
  select 'GRIEVANCE'::varchar(24) as flow, g.id as case_id, g.case_no, g.community_code, g.estate_id,
         e.property_company_id, g.category::varchar(32) as category, g.reported_at as opened_at,
         g.closed_at, g.process_instance_id
  from grievance_case g left join estate e on e.id = g.estate_id
  union all
  select 'SERVICE_ORDER', o.id, o.order_no, o.community_code, o.estate_id, e.property_company_id,
         o.category_code, o.ordered_at, o.closed_at, o.process_instance_id
  from service_order o left join estate e on e.id = o.estate_id
  union all
  select 'CONSULTATION', t.id, t.topic_no, t.community_code, t.estate_id, e.property_company_id,
         t.category, t.proposed_at, t.closed_at, t.process_instance_id
  from consultation_topic t left join estate e on e.id = t.estate_id;

-- The ledger's life of one clock at one level (level 0: the handler's own clock; 1: the 社区党委
-- 督办's clock; 2: the 街道党工委 督办's clock):
--   STARTED   (level L, due_at)        the first task under the clock was created
--   MET       (level L, occurred_at)   the clock stopped at or before its due time
--   BREACHED  (level L+1)              the clock ran out; the case went to 督办 level L+1 (as in V3)
--   RESOLVED  (level L, occurred_at)   the clock stopped after its due time (breached earlier, or
--                                      finished late before the timer job ran)
--   SUPERVISED (level L)               the 督办 at level L was done (as in V3)
-- A clock stops when a task under it completes and no other task of the case runs under it (the
-- grievance's 分流定级 hands the respond clock to the handling task, for one).
alter table sla_ledger drop constraint sla_ledger_event_check;
alter table sla_ledger add constraint sla_ledger_event_check
  check (event in ('STARTED', 'MET', 'BREACHED', 'RESOLVED', 'SUPERVISED'));
alter table sla_ledger drop constraint sla_ledger_level_check;
alter table sla_ledger add constraint sla_ledger_level_check
  check (level between 0 and 2 and (event <> 'BREACHED' or level >= 1));

alter table sla_ledger
  add column estate_id           bigint,
  add column property_company_id bigint,
  add column task_id             varchar(64),
  add column activity_id         varchar(255);

-- Rows written before V7 get their dimensions once, from the case (a schema change, not a
-- correction of what happened; the append-only trigger is off for this statement only).
alter table sla_ledger disable trigger sla_ledger_no_update;
update sla_ledger l set estate_id = c.estate_id, property_company_id = c.property_company_id
from sla_case c where c.flow = l.flow and c.case_id = l.case_id;
alter table sla_ledger enable trigger sla_ledger_no_update;

-- Idempotent writes: one start and one stop per case, clock and level (one breach as in V3).
create unique index sla_ledger_one_start on sla_ledger (flow, case_no, clock, level) where event = 'STARTED';
create unique index sla_ledger_one_stop on sla_ledger (flow, case_no, clock, level) where event in ('MET', 'RESOLVED');
create index sla_ledger_case_idx on sla_ledger (case_no, clock, level, event);
-- The breach audit reads breaches by time, optionally per community, estate or company.
create index sla_ledger_breach_time_idx on sla_ledger (occurred_at) where event = 'BREACHED';
create index sla_ledger_breach_estate_idx on sla_ledger (estate_id, occurred_at) where event = 'BREACHED';
create index sla_ledger_breach_company_idx on sla_ledger (property_company_id, occurred_at) where event = 'BREACHED';

-- The rates read closed grievances by closing time.
create index grievance_case_closed_idx on grievance_case (closed_at) include (community_code, estate_id);
create index grievance_case_estate_idx on grievance_case (estate_id, reported_at);
