-- The demo tree below 天府社区 and 锦都社区: grids of 300-500 households (seed 004), the property
-- companies' terms, the representatives' term. No one is put into a grid's or company's group here,
-- so every list stays the community's until an office adds its people (docs/org-tree.md).
insert into grid (community_code, code, name, households) values
  ('tfsq', 'g1', '第一网格', 480),
  ('tfsq', 'g2', '第二网格', 360),
  ('tfsq', 'g3', '第三网格', 360),
  ('tfsq', 'g4', '第四网格', 640),
  ('tfsq', 'g5', '第五网格', 260),
  ('jdsq', 'g1', '第一网格', 400),
  ('jdsq', 'g2', '第二网格', 380),
  ('jdsq', 'g3', '第三网格', 363);

-- 地铁首座小区 (1,200 households) spans three grids by building; 东方花苑 and 五间安置 are one each.
update building b set grid_id = (select g.id from grid g where g.community_code = 'tfsq' and g.code =
    case when substring(b.code from 2)::int <= 4 then 'g1' when substring(b.code from 2)::int <= 8 then 'g2' else 'g3' end)
  from estate e where e.id = b.estate_id and e.code = 'dtsz';
update estate set grid_id = (select id from grid where community_code = 'tfsq' and code = 'g4') where code = 'dfhy';
update estate set grid_id = (select id from grid where community_code = 'tfsq' and code = 'g5') where code = 'wjaz';
update building b set grid_id = (select g.id from grid g where g.community_code = 'jdsq' and g.code =
    case when substring(b.code from 2)::int <= 3 then 'g1' when substring(b.code from 2)::int <= 6 then 'g2' else 'g3' end)
  from estate e where e.id = b.estate_id and e.code = 'hxjd';

-- The current company of every demo estate, serving since 2024; 东方花苑 was run by 蓉城物业 before
-- the community-run 物业服务社 took over (seed 001: the community's own service company as a pilot).
insert into estate_property_term (estate_id, property_company_id, valid_from, valid_to, recorded_by)
select e.id, (select id from property_company where code = 'rcwy'), date '2021-01-01', date '2024-01-01', 'demo'
from estate e where e.code = 'dfhy';
insert into estate_property_term (estate_id, property_company_id, valid_from, recorded_by)
select e.id, e.property_company_id, date '2024-01-01', 'demo'
from estate e where e.property_company_id is not null;

update building_representative set term_from = date '2024-07-01', term_to = date '2027-06-30';
