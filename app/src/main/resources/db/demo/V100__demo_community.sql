-- Demo community for the embedded default, taken from the seeds (shared/seeds):
-- 天府街道 and 地铁首座小区 (seed 002, 温江; commercial estate, 33 building representatives),
-- 东方花苑 (seed 001, 10 buildings, an old estate), 五间安置小区 standing for the resettlement type
-- (seed 004 names the three estate types). The community name itself is the demo's own.
insert into street (code, name) values ('tianfu', '天府街道');
insert into community (code, name, street_code) values ('tfsq', '天府社区', 'tianfu');

insert into estate (community_code, code, name, estate_type, households) values
  ('tfsq', 'dtsz', '地铁首座小区', 'COMMERCIAL', 1200),
  ('tfsq', 'dfhy', '东方花苑', 'OLD', 640),
  ('tfsq', 'wjaz', '五间安置小区', 'RESETTLEMENT', 260);

insert into building (estate_id, code, name)
select e.id, 'b' || n, n || '栋'
from estate e cross join generate_series(1, 12) as n
where e.code = 'dtsz';

insert into building (estate_id, code, name)
select e.id, 'b' || n, n || '栋'
from estate e cross join generate_series(1, 10) as n
where e.code = 'dfhy';

insert into building (estate_id, code, name)
select e.id, 'b' || n, n || '栋'
from estate e cross join generate_series(1, 4) as n
where e.code = 'wjaz';
