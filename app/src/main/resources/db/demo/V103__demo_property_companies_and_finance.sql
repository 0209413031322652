-- Property companies of the demo estates and a year of their books (双晒 收支季报).
-- From the seeds: 五间社区上游物业服务中心 (seed 000, a public-interest centre) and 新桥北村物业服务社 (seed 001,
-- community-run, 东方花苑 its first pilot). Seeds 002 and 003 name no company: 蓉城物业服务有限公司 is a demo
-- name, serving both 地铁首座小区 and 华熙LIVE·528锦都 (in two communities) so that a company's ranking
-- and an estate's differ.
insert into property_company (code, name, kind) values
  ('rcwy', '蓉城物业服务有限公司', 'COMPANY'),
  ('xqbc', '新桥北村物业服务社', 'COMMUNITY_RUN'),
  ('sywy', '五间社区上游物业服务中心', 'PUBLIC_INTEREST');

update estate set property_company_id = (select id from property_company where code = 'rcwy')
  where code in ('dtsz', 'hxjd');
update estate set property_company_id = (select id from property_company where code = 'xqbc')
  where code = 'dfhy';
update estate set property_company_id = (select id from property_company where code = 'sywy')
  where code = 'wjaz';

-- 物业费 January to October 2026, per household and month: 地铁首座 150 元, 华熙LIVE 180 元 (commercial),
-- 东方花苑 40 元 (old estate), 五间安置 30 元 (resettlement). Paying households: 东方花苑 climbs from 20% to 90%
-- over the year (seed 001); the others steady at 95%, 92% and 85%. Demo figures.
insert into management_fee (estate_id, month, households_billed, households_paid, billed_fen,
  collected_fen, recorded_by)
select e.id, make_date(2026, m, 1), e.households, p.paid,
       e.households * f.fee_fen, p.paid * f.fee_fen, 'demo'
from estate e
cross join generate_series(1, 10) as m
join (values ('dtsz', 15000), ('hxjd', 18000), ('dfhy', 4000), ('wjaz', 3000)) as f (code, fee_fen)
  on f.code = e.code
cross join lateral (select case e.code
    when 'dfhy' then e.households * (20 + (m - 1) * 70 / 9) / 100
    when 'dtsz' then e.households * 95 / 100
    when 'hxjd' then e.households * 92 / 100
    else e.households * 85 / 100 end as paid) p;

-- Spending: fixed shares of what was collected (per mille), the company's 酬金 10% (seed 003's 酬金制).
insert into estate_expense (estate_id, month, category, amount_fen, note, recorded_by)
select f.estate_id, f.month, s.category, f.collected_fen * s.permille / 1000, s.note, 'demo'
from management_fee f
cross join (values
  ('STAFF', 380, '物业服务人员工资'),
  ('CLEANING', 150, '保洁'),
  ('GREENING', 60, '绿化养护'),
  ('SECURITY', 120, '秩序维护'),
  ('REPAIR', 90, '共用部位维修'),
  ('UTILITIES', 70, '公共水电'),
  ('REMUNERATION', 100, '物业企业酬金（酬金制）')) as s (category, permille, note);

-- Half a year of closed grievances (January to June 2026) with their SLA ledger rows, so that the
-- supervisor page, the 红黑榜 and the 2026 Q1/Q2 双晒 reports have figures. Demo figures, generated
-- deterministically: 地铁首座 always on time (seed 002: 100%), 东方花苑 and 华熙LIVE late now and then.
-- Numbered GR-2026-D0001…, outside the live sequence; no process instance (they are history).
create temporary table demo_history on commit drop as
select row_number() over (order by e.id, m, i) as n, e.id as estate_id, e.community_code,
       e.code as estate_code, m, i, h,
       (array['ENVIRONMENT', 'FACILITY', 'SECURITY', 'NOISE', 'PARKING', 'GREENING', 'PROPERTY_FEE',
              'NEIGHBOUR', 'WATER_POWER', 'OTHER'])[1 + h % 10] as category,
       (array['GENERAL', 'MEDIUM', 'DIFFICULT'])[1 + h % 3] as tier,
       case e.code when 'dtsz' then false when 'dfhy' then h % 5 = 0
                   when 'hxjd' then h % 4 = 0 else h % 10 = 0 end as late,
       make_timestamptz(2026, m, 1 + (i * 7 + m) % 26, 9 + i % 8, 0, 0, 'Asia/Shanghai') as reported_at
from estate e
cross join generate_series(1, 6) as m
cross join generate_series(1, 8) as i
cross join lateral (select ((e.id * 7919 + m * 104729 + i * 1299709) % 1000)::int as h) x
where e.code in ('dtsz', 'dfhy', 'wjaz', 'hxjd')
  and i <= case e.code when 'wjaz' then 3 when 'dfhy' then 5 else 6 end;

alter table demo_history add column responded_at timestamptz, add column done_at timestamptz,
  add column committed_at timestamptz;
update demo_history set
  responded_at = reported_at + make_interval(mins => case when late and tier <> 'DIFFICULT'
                                                         then 270 + h % 120 else 30 + h % 200 end),
  committed_at = case when tier = 'DIFFICULT' then reported_at + interval '7 days' end;
update demo_history set done_at = case tier
  when 'GENERAL' then responded_at
  when 'MEDIUM' then responded_at + make_interval(hours => 1 + h % 15)
  else reported_at + case when late then interval '9 days' else interval '5 days' end end;

insert into grievance_case (case_no, community_code, estate_id, category, tier, description, channel,
  status, reported_at, rectification_measures, committed_deadline, rating, rated_at,
  follow_up_satisfaction, closed_at)
select 'GR-2026-D' || lpad(n::text, 4, '0'), community_code, estate_id, category, tier,
       '（演示历史数据）', 'WEB', 'CLOSED', reported_at,
       case when tier = 'DIFFICULT' then '（演示）制定整改方案' end, committed_at,
       case when late and h % 2 = 0 then 'DISSATISFIED' when h % 9 = 0 then 'NONE'
            when h % 3 = 0 then 'BASICALLY_SATISFIED' else 'SATISFIED' end,
       done_at + interval '1 day',
       case when h % 11 = 0 then 'DISSATISFIED' when h % 4 = 0 then 'BASICALLY_SATISFIED'
            else 'SATISFIED' end,
       done_at + make_interval(days => 2 + h % 3)
from demo_history;

-- The ledger rows the clock listener and the escalation would have written.
insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
  occurred_at, holder, actor, estate_id, property_company_id)
select 'GRIEVANCE', g.id, g.case_no, d.community_code, r.clock, r.event, r.level, r.due_at, r.at,
       r.holder, r.actor, d.estate_id, e.property_company_id
from demo_history d
join grievance_case g on g.case_no = 'GR-2026-D' || lpad(d.n::text, 4, '0')
join estate e on e.id = d.estate_id
cross join lateral (values
    ('GRIEVANCE_RESPOND', 'STARTED', 0, d.reported_at + interval '4 hours', d.reported_at,
     'group:' || d.community_code || '-grid-worker', null::varchar),
    ('GRIEVANCE_RESPOND', case when d.responded_at > d.reported_at + interval '4 hours'
                               then 'RESOLVED' else 'MET' end, 0,
     d.reported_at + interval '4 hours', d.responded_at, null, 'property1'),
    ('GRIEVANCE_RESOLVE', case when d.tier = 'MEDIUM' then 'STARTED' end, 0,
     d.reported_at + interval '24 hours', d.responded_at, 'group:' || d.community_code || '-property-staff', null),
    ('GRIEVANCE_RESOLVE', case when d.tier = 'MEDIUM' then 'MET' end, 0,
     d.reported_at + interval '24 hours', d.done_at, null, 'property1'),
    ('GRIEVANCE_COMMITTED', case when d.tier = 'DIFFICULT' then 'STARTED' end, 0, d.committed_at,
     d.responded_at, 'group:' || d.community_code || '-property-staff', null),
    ('GRIEVANCE_COMMITTED', case when d.tier = 'DIFFICULT' then
        case when d.late then 'RESOLVED' else 'MET' end end, 0, d.committed_at, d.done_at, null, 'property1'))
  as r (clock, event, level, due_at, at, holder, actor)
where r.event is not null;

-- Breaches of the late clocks: escalated to 社区党委 at the due time, supervised an hour later.
insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
  occurred_at, holder, actor, note, estate_id, property_company_id)
select 'GRIEVANCE', g.id, g.case_no, d.community_code, b.clock, b.event, 1, b.due_at, b.at, b.holder,
       b.actor, b.note, d.estate_id, e.property_company_id
from demo_history d
join grievance_case g on g.case_no = 'GR-2026-D' || lpad(d.n::text, 4, '0')
join estate e on e.id = d.estate_id
cross join lateral (select case when d.tier = 'DIFFICULT' then 'GRIEVANCE_COMMITTED'
                                else 'GRIEVANCE_RESPOND' end as clock,
                           coalesce(d.committed_at, d.reported_at + interval '4 hours') as due) c
cross join lateral (values
    (c.clock, 'BREACHED', c.due, c.due, 'group:' || d.community_code || '-property-staff', null::varchar, null::text),
    (c.clock, 'SUPERVISED', null, c.due + interval '1 hour', null,
     case d.community_code when 'jdsq' then 'committee2' else 'committee1' end, '已督促承办方（演示）'))
  as b (clock, event, due_at, at, holder, actor, note)
where d.late;

-- A few paid service orders of 地铁首座小区 in the second quarter, for the 收支季报.
insert into service_order (order_no, community_code, estate_id, item_code, category_code, item_name,
  pricing, reference_price_fen, fee_rate, description, channel, status, ordered_at, worker_id,
  dispatched_at, accepted_at, arrived_at, job_size, assessed_at, quote_fen, paid_fen, completed_at,
  follow_up_satisfaction, followed_up_at, closed_at)
select 'SO-2026-D' || lpad(k::text, 4, '0'), 'tfsq', e.id, s.code, s.category_code, s.name, s.pricing,
       s.reference_price_fen, s.fee_rate, '（演示历史数据）', 'MINI_PROGRAM', 'CLOSED', t.at, 'worker1',
       t.at + interval '10 minutes', t.at + interval '15 minutes', t.at + interval '19 minutes', 'SMALL',
       t.at + interval '25 minutes', s.reference_price_fen, s.reference_price_fen,
       t.at + interval '40 minutes', 'SATISFIED', t.at + interval '2 days', t.at + interval '2 days'
from generate_series(1, 9) as k
join estate e on e.code = 'dtsz'
cross join lateral (select make_timestamptz(2026, 4 + (k - 1) / 3, 3 + k * 2, 10, 0, 0, 'Asia/Shanghai') as at) t
cross join lateral (select * from service_item where pricing = 'LOW_FEE' and retired_at is null
                    order by code offset (k * 5) % 30 limit 1) s;
