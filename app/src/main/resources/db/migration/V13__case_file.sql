-- One case layer: every case of every flow has one case_file row, written by its flow in the same
-- transaction as the flow's own row. The shared mechanisms (access checks, tracking, notifications,
-- the SLA ledger's dimensions, supervision, Open311, phone back-fill, case links) read this table
-- and never a flow's own tables. The resident's contact lives here only, encrypted.
create table case_file (
  id                   bigserial primary key,
  flow                 varchar(24)  not null,
  case_id              bigint       not null,            -- the id of the flow's own row
  case_no              varchar(32)  not null unique,     -- GR-…, SO-…, YS-…: the prefix names the flow
  community_code       varchar(32)  not null references community (code),
  estate_id            bigint references estate (id),
  building_id          bigint references building (id),
  property_company_id  bigint references property_company (id), -- the estate's company when reported
  category             varchar(32),                      -- the flow's category code
  service_code         varchar(32),                      -- what was asked for (Open311 service_code)
  title                varchar(200),                     -- a public title (topics); never a resident's text
  status               varchar(32)  not null,
  reported_at          timestamptz  not null,
  closed_at            timestamptz,
  process_instance_id  varchar(64),
  origin_case_no       varchar(32),                      -- the case this one was made from
  rating               varchar(24),                      -- the resident's last rating
  follow_up_rating     varchar(24),                      -- 党小组回访's result
  contact_name_enc     bytea,                            -- AES-GCM, linli.crypto.key
  contact_phone_enc    bytea,                            -- AES-GCM of the E.164 number
  legacy_contact_name  varchar(50),                      -- clear text moved from before V13: PhoneBackfill
  legacy_contact_phone varchar(32),                      -- encrypts and empties these at start-up
  unique (flow, case_id)
);
create index case_file_community_idx on case_file (community_code, reported_at);
create index case_file_estate_idx on case_file (estate_id, reported_at);
create index case_file_closed_idx on case_file (closed_at) include (community_code, estate_id, flow);
create index case_file_origin_idx on case_file (origin_case_no) where origin_case_no is not null;
create index case_file_legacy_idx on case_file (id) where legacy_contact_name is not null or legacy_contact_phone is not null;

-- Watch tokens: random, stored as a SHA-256 hash, each with an expiry; revoked by deleting the row.
-- They are no longer derived from linli.crypto.key, so knowing the key yields no token, and a token
-- reveals nothing about the key. Tokens issued before V13 (HMACs of the case number) stop working;
-- residents get a new one from 查询进度 with their phone.
create table case_watch_token (
  token_hash  bytea        primary key,
  case_no     varchar(32)  not null references case_file (case_no),
  issued_at   timestamptz  not null,
  expires_at  timestamptz  not null
);
create index case_watch_token_case_idx on case_watch_token (case_no);
create index case_watch_token_expiry_idx on case_watch_token (expires_at);

-- Existing cases move in. This statement is repeated by db/demo's V104 for the demo history, which
-- a fresh database receives after this migration (demo versions are above 100).
insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
  property_company_id, category, service_code, status, reported_at, closed_at, process_instance_id,
  rating, follow_up_rating, contact_phone_enc, legacy_contact_name, legacy_contact_phone)
select 'GRIEVANCE', g.id, g.case_no, g.community_code, g.estate_id, g.building_id,
       e.property_company_id, g.category, g.category, g.status, g.reported_at, g.closed_at,
       g.process_instance_id, g.rating, g.follow_up_satisfaction, g.contact_phone_enc,
       g.contact_name, g.contact_phone
from grievance_case g left join estate e on e.id = g.estate_id
on conflict (case_no) do nothing;

insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
  property_company_id, category, service_code, status, reported_at, closed_at, process_instance_id,
  follow_up_rating, contact_phone_enc, legacy_contact_name, legacy_contact_phone)
select 'SERVICE_ORDER', o.id, o.order_no, o.community_code, o.estate_id, o.building_id,
       e.property_company_id, o.category_code, o.item_code, o.status, o.ordered_at, o.closed_at,
       o.process_instance_id, o.follow_up_satisfaction, o.contact_phone_enc, o.contact_name,
       o.contact_phone
from service_order o left join estate e on e.id = o.estate_id
on conflict (case_no) do nothing;

insert into case_file (flow, case_id, case_no, community_code, estate_id, property_company_id,
  category, title, status, reported_at, closed_at, process_instance_id, origin_case_no)
select 'CONSULTATION', t.id, t.topic_no, t.community_code, t.estate_id, e.property_company_id,
       t.category, t.title, t.state, t.proposed_at, t.closed_at, t.process_instance_id,
       t.grievance_case_no
from consultation_topic t left join estate e on e.id = t.estate_id
on conflict (case_no) do nothing;

-- The contact now lives in case_file only.
alter table grievance_case drop column contact_name, drop column contact_phone, drop column contact_phone_enc;
alter table service_order drop column contact_name, drop column contact_phone, drop column contact_phone_enc;

-- The ledger's dimensions and the reports read case_file; the view over the flows' tables goes.
drop view sla_case;
