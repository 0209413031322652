-- SLA clock pauses (挂起): while a case waits on the resident (a quote decision, a resident who
-- cannot be reached after the required attempts, a resident who asks to postpone) its handling
-- clocks stop; when the wait ends they run on and their due times move by the time paused. One row
-- per pause; at most one open pause per case. The ledger gets a PAUSED row per paused clock when the
-- pause begins and a RESUMED row with the clock's new due time when it ends (append-only as ever).
create table sla_pause (
  id                  bigserial    primary key,
  flow                varchar(24)  not null,
  case_id             bigint       not null,
  case_no             varchar(32)  not null,
  community_code      varchar(32),
  process_instance_id varchar(64),
  clocks              varchar(400) not null,  -- the paused clocks, comma-separated
  kind                varchar(24)  not null,  -- QUOTE_DECISION, RESIDENT_UNREACHABLE, RESIDENT_POSTPONE
  reason              varchar(500) not null,
  contact_attempts    integer,
  paused_at           timestamptz  not null,
  paused_by           varchar(64),
  cap_at              timestamptz  not null,  -- when the case's total pause time reaches the cap
  resumed_at          timestamptz,
  resumed_by          varchar(64),
  resume_note         varchar(500),
  capped              boolean      not null default false
);
create unique index sla_pause_one_open on sla_pause (case_no) where resumed_at is null;
create index sla_pause_case_idx on sla_pause (case_no);
create index sla_pause_cap_idx on sla_pause (cap_at) where resumed_at is null;

alter table sla_ledger drop constraint sla_ledger_event_check;
alter table sla_ledger add constraint sla_ledger_event_check
  check (event in ('STARTED', 'MET', 'BREACHED', 'RESOLVED', 'SUPERVISED', 'PAUSED', 'RESUMED'));

-- The supervision read model counts each closed case's pauses and the time paused, so the pause
-- rate per property company (pauses per 100 closed cases, hours paused) reads the roll-ups.
alter table case_outcome
  add column pauses         integer not null default 0,
  add column paused_seconds bigint  not null default 0;
alter table supervision_day
  add column pauses         integer not null default 0,
  add column paused_seconds bigint  not null default 0;
alter table supervision_month
  add column pauses         integer not null default 0,
  add column paused_seconds bigint  not null default 0;
