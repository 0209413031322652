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
