-- A second demo community in the same street, so that community isolation can be shown and tested:
-- 锦都社区 with 华熙LIVE·528锦都 (seed 003: 1,143 households, a commercial estate). The community
-- name is the demo's own; its groups are `jdsq-<role>` (built-in identity) or
-- `communities/jdsq/<role>` (Keycloak realm `keycloak-realm/linli-realm.json`).
insert into community (code, name, street_code) values ('jdsq', '锦都社区', 'tianfu');

insert into estate (community_code, code, name, estate_type, households) values
  ('jdsq', 'hxjd', '华熙LIVE·528锦都', 'COMMERCIAL', 1143);

insert into building (estate_id, code, name)
select e.id, 'b' || n, n || '栋'
from estate e cross join generate_series(1, 8) as n
where e.code = 'hxjd';
