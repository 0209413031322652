-- Organisation: 街道 → 社区 → 小区 → 楼栋 (shared/DOMAIN.md "Who uses it").
create table street (
  code varchar(32) primary key,
  name varchar(100) not null
);

create table community (
  code        varchar(32) primary key,
  name        varchar(100) not null,
  street_code varchar(32) not null references street (code)
);

create table estate (
  id             bigserial primary key,
  community_code varchar(32) not null references community (code),
  code           varchar(32) not null unique,
  name           varchar(100) not null,
  estate_type    varchar(16) not null check (estate_type in ('COMMERCIAL', 'OLD', 'RESETTLEMENT')),
  households     integer
);

create table building (
  id        bigserial primary key,
  estate_id bigint not null references estate (id),
  code      varchar(32) not null,
  name      varchar(50) not null,
  unique (estate_id, code)
);

-- Case numbers come from the database, so every node draws from one sequence.
create sequence grievance_case_no_seq;

create table grievance_case (
  id                     bigserial primary key,
  case_no                varchar(32) not null unique,
  community_code         varchar(32) not null references community (code),
  estate_id              bigint references estate (id),
  building_id            bigint references building (id),
  category               varchar(32) not null,
  tier                   varchar(16),
  description            text not null,
  contact_name           varchar(50),
  contact_phone          varchar(32),
  channel                varchar(16) not null,
  recorded_by            varchar(64),
  status                 varchar(32) not null,
  reported_at            timestamptz not null,
  rectification_measures text,
  committed_deadline     timestamptz,
  rating                 varchar(24),
  rating_comment         text,
  rated_at               timestamptz,
  follow_up_satisfaction varchar(24),
  closed_at              timestamptz,
  process_instance_id    varchar(64)
);
create index grievance_case_community_idx on grievance_case (community_code, status);

-- What happened to a case, for the resident and for notifications (role, never a person's name).
create table case_event (
  id          bigserial primary key,
  flow        varchar(24) not null,
  case_no     varchar(32) not null,
  occurred_at timestamptz not null,
  event_type  varchar(32) not null,
  actor_role  varchar(32),
  note        text
);
create index case_event_case_idx on case_event (case_no, occurred_at);

-- Append-only SLA ledger: a breach is one row per case, clock and escalation level; a 督办 that is
-- done adds a SUPERVISED row. Corrections are new rows; UPDATE and DELETE are refused.
create table sla_ledger (
  id                  bigserial primary key,
  flow                varchar(24) not null,
  case_id             bigint not null,
  case_no             varchar(32) not null,
  community_code      varchar(32) not null,
  clock               varchar(40) not null,
  event               varchar(16) not null check (event in ('BREACHED', 'SUPERVISED')),
  level               smallint not null check (level in (1, 2)),
  due_at              timestamptz,
  occurred_at         timestamptz not null,
  holder              varchar(300),
  actor               varchar(64),
  note                text,
  process_instance_id varchar(64),
  recorded_at         timestamptz not null default now()
);
create unique index sla_ledger_one_breach on sla_ledger (flow, case_no, clock, level) where event = 'BREACHED';
create index sla_ledger_period_idx on sla_ledger (community_code, occurred_at);

create function sla_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'sla_ledger is append-only: % refused', tg_op;
end;
$$;
create trigger sla_ledger_no_update before update or delete on sla_ledger
  for each row execute function sla_ledger_append_only();
