-- Service orders (shared/DOMAIN.md flow 2): 群众点单—物业派单—机构（个人）接单—党小组回访, with the
-- "52022" clocks (seed 001), a catalogue of 10 categories and 52 items, volunteer (free) or
-- low-fee, and a 5–10% management fee the centre keeps from what residents pay (seed 000, 永川
-- 五间社区上游物业). Money is integer fen (bigint), rates numeric(4,3): never floating point.

-- Catalogue ---------------------------------------------------------------------------------------

-- A category is served by one contractor team (io.linli.identity.ContractorTeam); its Camunda group
-- <community>-contractor-<team> is the default candidate group of 接单.
create table service_category (
  code       varchar(24) primary key,
  name       varchar(50) not null unique,
  team       varchar(16) not null check (team in ('repair', 'cleaning', 'household', 'safety', 'volunteer')),
  sort_order smallint not null
);

-- Items are never deleted: a retired item keeps its code, its orders and its revisions.
create table service_item (
  id                  bigserial primary key,
  code                varchar(32) not null unique,
  category_code       varchar(24) not null references service_category (code),
  name                varchar(100) not null,
  pricing             varchar(8) not null check (pricing in ('FREE', 'LOW_FEE')),
  reference_price_fen bigint not null check (reference_price_fen between 0 and 10000000),
  unit                varchar(16) not null,
  fee_rate            numeric(4, 3) not null check (fee_rate between 0.050 and 0.100),
  description         text,
  created_by          varchar(64) not null,
  created_at          timestamptz not null default now(),
  retired_at          timestamptz,
  check ((pricing = 'FREE') = (reference_price_fen = 0))
);
create unique index service_item_active_name on service_item (category_code, name) where retired_at is null;

-- Every version of an item, for "who changed the price or the rate, and when".
create table service_item_revision (
  id                  bigserial primary key,
  item_code           varchar(32) not null references service_item (code),
  revision            integer not null,
  change              varchar(8) not null check (change in ('CREATED', 'EDITED', 'RETIRED')),
  name                varchar(100) not null,
  pricing             varchar(8) not null,
  reference_price_fen bigint not null,
  unit                varchar(16) not null,
  fee_rate            numeric(4, 3) not null,
  note                text,
  changed_by          varchar(64) not null,
  changed_at          timestamptz not null,
  unique (item_code, revision)
);

-- Orders ------------------------------------------------------------------------------------------

-- Order numbers come from the database, so every node draws from one sequence: SO-2026-000001.
create sequence service_order_no_seq;

-- The item's name, pricing and rates are copied at order time: editing or retiring an item later
-- changes no past order and no past settlement.
create table service_order (
  id                     bigserial primary key,
  order_no               varchar(32) not null unique,
  community_code         varchar(32) not null references community (code),
  estate_id              bigint references estate (id),
  building_id            bigint references building (id),
  item_code              varchar(32) not null references service_item (code),
  category_code          varchar(24) not null references service_category (code),
  item_name              varchar(100) not null,
  pricing                varchar(8) not null,
  reference_price_fen    bigint not null,
  fee_rate               numeric(4, 3) not null check (fee_rate between 0.050 and 0.100),
  description            text not null,
  contact_name           varchar(50),
  contact_phone          varchar(32),
  channel                varchar(16) not null,
  recorded_by            varchar(64),
  status                 varchar(32) not null,
  ordered_at             timestamptz not null,
  dispatch_team          varchar(16),
  dispatched_to          varchar(64),
  dispatched_at          timestamptz,
  worker_id              varchar(64),
  accepted_at            timestamptz,
  arrived_at             timestamptz,
  job_size               varchar(8) check (job_size in ('SMALL', 'COMPLEX')),
  assessed_at            timestamptz,
  quote_fen              bigint check (quote_fen between 0 and 10000000),
  solution_plan          text,
  committed_finish       timestamptz,
  replied_at             timestamptz,
  quote_decision         varchar(8) check (quote_decision in ('ACCEPTED', 'DECLINED')),
  decline_reason         text,
  decided_at             timestamptz,
  work_result            text,
  work_done_at           timestamptz,
  paid_fen               bigint check (paid_fen >= 0),
  completed_at           timestamptz,
  completion_recorded_by varchar(64),
  follow_up_satisfaction varchar(24),
  followed_up_at         timestamptz,
  closed_at              timestamptz,
  process_instance_id    varchar(64),
  check (paid_fen is null or (quote_fen is not null and paid_fen <= quote_fen)),
  check (pricing <> 'FREE' or coalesce(quote_fen, 0) = 0)
);
create index service_order_community_idx on service_order (community_code, status);
-- Monthly settlement reads a community's orders by the time the resident confirmed them.
create index service_order_settlement_idx on service_order (community_code, completed_at);

-- The catalogue (reference data, not demo data) ----------------------------------------------------
-- Items marked "seed 000" are named in the report (清扫保洁、化粪池清掏、日常维修、空调窗清洗、危房排危、
-- 下水管道疏通、换锁开门、家电维修、搬运、燃气检修、房屋安全隐患、义剪、免费手机贴膜、义诊、法律和反诈
-- 知识咨询、送医送药、烟雾和燃气报警器、代收水电网费、开锁、水管维修、雨水管维修); the others are plausible
-- items of the same kind to reach the report's 52. Prices are reference prices in fen.

insert into service_category (code, name, team, sort_order) values
  ('CLEANING',         '清扫保洁', 'cleaning',  1),
  ('SANITATION',       '清掏疏通', 'cleaning',  2),
  ('PLUMBING',         '水电维修', 'repair',    3),
  ('LOCKSMITH',        '开锁换锁', 'repair',    4),
  ('APPLIANCE',        '家电维修', 'repair',    5),
  ('AIR_CONDITIONING', '空调服务', 'repair',    6),
  ('MOVING',           '搬运搬家', 'household', 7),
  ('HOUSE_SAFETY',     '房屋安全', 'safety',    8),
  ('VOLUNTEER',        '便民志愿', 'volunteer', 9),
  ('ELDERLY',          '助老帮扶', 'volunteer', 10);

insert into service_item (code, category_code, name, pricing, reference_price_fen, unit, fee_rate, description, created_by) values
  ('CLEANING-01',         'CLEANING',         '家庭日常保洁',       'LOW_FEE',  3000, '小时',   0.080, null, 'seed-000'),
  ('CLEANING-02',         'CLEANING',         '油烟机清洗',         'LOW_FEE',  8000, '台',     0.080, null, 'seed-000'),
  ('CLEANING-03',         'CLEANING',         '玻璃窗清洗',         'LOW_FEE',   500, '平方米', 0.080, null, 'seed-000'),
  ('CLEANING-04',         'CLEANING',         '新房开荒保洁',       'LOW_FEE',   600, '平方米', 0.080, null, 'seed-000'),
  ('CLEANING-05',         'CLEANING',         '楼道杂物清运',       'LOW_FEE',  5000, '次',     0.060, null, 'seed-000'),
  ('CLEANING-06',         'CLEANING',         '单位清扫保洁',       'LOW_FEE',  2500, '小时',   0.100, '承接单位清扫保洁（seed 000）', 'seed-000'),
  ('SANITATION-01',       'SANITATION',       '化粪池清掏',         'LOW_FEE', 30000, '次',     0.100, 'seed 000', 'seed-000'),
  ('SANITATION-02',       'SANITATION',       '下水管道疏通',       'LOW_FEE',  8000, '次',     0.080, 'seed 000', 'seed-000'),
  ('SANITATION-03',       'SANITATION',       '马桶疏通',           'LOW_FEE',  5000, '次',     0.080, null, 'seed-000'),
  ('SANITATION-04',       'SANITATION',       '地漏疏通',           'LOW_FEE',  3000, '次',     0.080, null, 'seed-000'),
  ('SANITATION-05',       'SANITATION',       '隔油池清掏',         'LOW_FEE', 20000, '次',     0.100, null, 'seed-000'),
  ('PLUMBING-01',         'PLUMBING',         '水管维修',           'LOW_FEE',  5000, '次',     0.080, 'seed 000', 'seed-000'),
  ('PLUMBING-02',         'PLUMBING',         '水龙头更换',         'LOW_FEE',  2000, '个',     0.050, '材料费另计', 'seed-000'),
  ('PLUMBING-03',         'PLUMBING',         '电路检修',           'LOW_FEE',  5000, '次',     0.080, null, 'seed-000'),
  ('PLUMBING-04',         'PLUMBING',         '开关插座更换',       'LOW_FEE',  1500, '个',     0.050, '材料费另计', 'seed-000'),
  ('PLUMBING-05',         'PLUMBING',         '灯具安装',           'LOW_FEE',  2000, '个',     0.050, null, 'seed-000'),
  ('PLUMBING-06',         'PLUMBING',         '楼顶雨水管维修',     'LOW_FEE', 25000, '次',     0.100, 'seed 000：维修费仅花200多元', 'seed-000'),
  ('LOCKSMITH-01',        'LOCKSMITH',        '开门锁',             'LOW_FEE',  3000, '次',     0.080, 'seed 000', 'seed-000'),
  ('LOCKSMITH-02',        'LOCKSMITH',        '更换锁芯',           'LOW_FEE',  6000, '次',     0.080, 'seed 000：换锁开门', 'seed-000'),
  ('LOCKSMITH-03',        'LOCKSMITH',        '门锁小修',           'FREE',        0, '次',     0.050, 'seed 000：小型开锁维修免费', 'seed-000'),
  ('LOCKSMITH-04',        'LOCKSMITH',        '防盗门维修',         'LOW_FEE',  8000, '次',     0.080, null, 'seed-000'),
  ('APPLIANCE-01',        'APPLIANCE',        '洗衣机维修',         'LOW_FEE',  5000, '次',     0.100, 'seed 000：家电维修', 'seed-000'),
  ('APPLIANCE-02',        'APPLIANCE',        '冰箱维修',           'LOW_FEE',  6000, '次',     0.100, 'seed 000：家电维修', 'seed-000'),
  ('APPLIANCE-03',        'APPLIANCE',        '电视机维修',         'LOW_FEE',  5000, '次',     0.100, 'seed 000：家电维修', 'seed-000'),
  ('APPLIANCE-04',        'APPLIANCE',        '热水器维修',         'LOW_FEE',  5000, '次',     0.100, null, 'seed-000'),
  ('APPLIANCE-05',        'APPLIANCE',        '燃气灶维修',         'LOW_FEE',  4000, '次',     0.100, null, 'seed-000'),
  ('APPLIANCE-06',        'APPLIANCE',        '电动车充电故障检修', 'LOW_FEE',  3000, '次',     0.080, null, 'seed-000'),
  ('AIR_CONDITIONING-01', 'AIR_CONDITIONING', '空调清洗',           'LOW_FEE',  8000, '台',     0.080, 'seed 000：空调窗清洗', 'seed-000'),
  ('AIR_CONDITIONING-02', 'AIR_CONDITIONING', '空调加氟',           'LOW_FEE', 15000, '台',     0.080, null, 'seed-000'),
  ('AIR_CONDITIONING-03', 'AIR_CONDITIONING', '空调移机',           'LOW_FEE', 20000, '台',     0.080, null, 'seed-000'),
  ('AIR_CONDITIONING-04', 'AIR_CONDITIONING', '窗式空调拆装',       'LOW_FEE', 10000, '台',     0.080, null, 'seed-000'),
  ('MOVING-01',           'MOVING',           '家具搬运',           'LOW_FEE', 10000, '次',     0.060, 'seed 000：搬运', 'seed-000'),
  ('MOVING-02',           'MOVING',           '小件搬家',           'LOW_FEE', 30000, '次',     0.060, null, 'seed-000'),
  ('MOVING-03',           'MOVING',           '大件垃圾清运',       'LOW_FEE',  5000, '次',     0.060, null, 'seed-000'),
  ('MOVING-04',           'MOVING',           '家具拆装',           'LOW_FEE',  8000, '次',     0.060, null, 'seed-000'),
  ('HOUSE_SAFETY-01',     'HOUSE_SAFETY',     '危房排危',           'LOW_FEE', 50000, '次',     0.100, 'seed 000', 'seed-000'),
  ('HOUSE_SAFETY-02',     'HOUSE_SAFETY',     '房屋安全隐患排查',   'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('HOUSE_SAFETY-03',     'HOUSE_SAFETY',     '燃气管道检修',       'LOW_FEE',  5000, '次',     0.080, 'seed 000：燃气检修', 'seed-000'),
  ('HOUSE_SAFETY-04',     'HOUSE_SAFETY',     '烟雾报警器安装',     'LOW_FEE',  3000, '个',     0.050, 'seed 000', 'seed-000'),
  ('HOUSE_SAFETY-05',     'HOUSE_SAFETY',     '燃气报警器安装',     'LOW_FEE',  5000, '个',     0.050, 'seed 000', 'seed-000'),
  ('HOUSE_SAFETY-06',     'HOUSE_SAFETY',     '防水补漏',           'LOW_FEE', 30000, '次',     0.100, null, 'seed-000'),
  ('VOLUNTEER-01',        'VOLUNTEER',        '居民义剪',           'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('VOLUNTEER-02',        'VOLUNTEER',        '免费手机贴膜',       'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('VOLUNTEER-03',        'VOLUNTEER',        '义诊',               'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('VOLUNTEER-04',        'VOLUNTEER',        '法律知识咨询',       'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('VOLUNTEER-05',        'VOLUNTEER',        '反诈知识咨询',       'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('VOLUNTEER-06',        'VOLUNTEER',        '智能手机使用教学',   'FREE',        0, '次',     0.050, null, 'seed-000'),
  ('ELDERLY-01',          'ELDERLY',          '留守老人送医送药',   'FREE',        0, '次',     0.050, 'seed 000', 'seed-000'),
  ('ELDERLY-02',          'ELDERLY',          '水电网费代缴',       'FREE',        0, '次',     0.050, 'seed 000：为不会用智能机的老人代缴', 'seed-000'),
  ('ELDERLY-03',          'ELDERLY',          '独居老人上门探访',   'FREE',        0, '次',     0.050, null, 'seed-000'),
  ('ELDERLY-04',          'ELDERLY',          '老人助餐送餐',       'LOW_FEE',  1000, '餐',     0.050, null, 'seed-000'),
  ('ELDERLY-05',          'ELDERLY',          '老人助浴',           'LOW_FEE',  3000, '次',     0.050, null, 'seed-000');

insert into service_item_revision (item_code, revision, change, name, pricing, reference_price_fen, unit,
  fee_rate, note, changed_by, changed_at)
select code, 1, 'CREATED', name, pricing, reference_price_fen, unit, fee_rate, '种子目录', created_by, created_at
from service_item;
