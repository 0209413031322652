-- The organisation tree as data (docs/org-tree.md): 街道 → 社区 → 网格 → 小区 → 楼栋, the property
-- company of each estate over time, the people the tree puts into groups, and the representatives'
-- terms. Extends the tables of V3, V5 and V7; nothing is copied.

-- 网格: 300-500 households (seed 004). A grid may sit inside a larger grid of the same community
-- (网格 → 微网格); the admin API refuses a cycle.
create table grid (
  id             bigserial primary key,
  community_code varchar(32) not null references community (code),
  code           varchar(32) not null,
  name           varchar(100) not null,
  households     integer check (households is null or households >= 0),
  parent_id      bigint references grid (id),
  unique (community_code, code)
);

-- An estate lies in one grid; a large estate split over several grids leaves it empty and names
-- the grid per building.
alter table estate add column grid_id bigint references grid (id);
alter table building add column grid_id bigint references grid (id);

-- Which company served an estate when. estate.property_company_id stays the current one (the
-- flows and reports read it); a change closes the open term and opens the next.
create table estate_property_term (
  id                  bigserial primary key,
  estate_id           bigint not null references estate (id),
  property_company_id bigint not null references property_company (id),
  valid_from          date not null,
  valid_to            date,
  recorded_by         varchar(64),
  recorded_at         timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from),
  unique (estate_id, valid_from)
);
create unique index estate_property_term_open_idx on estate_property_term (estate_id) where valid_to is null;

-- Who the tree puts into a unit's group: grid workers of a grid, staff of a company or an estate,
-- members of a contractor team, individual workers (能工巧匠, unit_kind INDIVIDUAL, no unit), and
-- anyone in one of the community's role groups (unit_kind COMMUNITY).
create table org_member (
  id             bigserial primary key,
  community_code varchar(32) not null references community (code),
  unit_kind      varchar(16) not null
                   check (unit_kind in ('COMMUNITY', 'GRID', 'ESTATE', 'COMPANY', 'TEAM', 'INDIVIDUAL')),
  unit_code      varchar(32) not null default '',
  role           varchar(32) not null,
  user_id        varchar(64) not null,
  display_name   varchar(50) not null,
  added_by       varchar(64),
  added_at       timestamptz not null default now(),
  unique (community_code, unit_kind, unit_code, role, user_id)
);
create index org_member_user_idx on org_member (user_id);

-- 楼栋代表 are elected for a term and replaced by the community committee.
alter table building_representative
  add column term_from date,
  add column term_to date,
  add column replaced_by varchar(64),
  add column ended_at timestamptz;
