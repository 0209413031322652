-- The supervision read model: summaries written when a case closes, is rated, or its clocks start
-- and stop, so that the rates, the 红黑榜, the 双晒 and the breach list never aggregate raw ledger
-- rows at request time. The SLA ledger stays the append-only source of truth: the application's
-- rebuild recomputes every table here from case_file and sla_ledger, and a test holds rebuild equal
-- to the incremental writes. Nothing here is personal data.

-- One row per case: what it counts for in the rates.
create table case_outcome (
  case_no          varchar(32)  primary key,
  flow             varchar(24)  not null,
  community_code   varchar(32)  not null,
  estate_id        bigint,
  company_id       bigint,       -- the company it counts for: its first ledger row's, else the case's
  reported_at      timestamptz  not null,
  closed_at        timestamptz,
  late             boolean      not null, -- a handling clock breached or stopped late
  respond_minutes  double precision,      -- reported → first stop of a response clock
  close_minutes    double precision,      -- reported → closed
  rating           varchar(24),
  follow_up_rating varchar(24),
  planned          boolean      not null, -- a commitment clock started (整改承诺)
  rectified        boolean      not null  -- and has stopped since
);

-- Roll-ups: per Beijing day and per month, flow, community, estate and company. A closed case
-- counts on its closing day; a commitment on its reporting day. The minute histograms hold the
-- response and closing times in the buckets of io.linli.supervision.MinuteHistogram.
create table supervision_day (
  day                 date        not null,
  flow                varchar(24) not null,
  community_code      varchar(32) not null,
  estate_id           bigint,
  company_id          bigint,
  closed              integer     not null default 0,
  on_time             integer     not null default 0,
  rated               integer     not null default 0,
  satisfied           integer     not null default 0,
  followed_up         integer     not null default 0,
  follow_up_satisfied integer     not null default 0,
  planned             integer     not null default 0,
  rectified           integer     not null default 0,
  respond_hist        integer[]   not null default '{}',
  close_hist          integer[]   not null default '{}'
);
create unique index supervision_day_cell on supervision_day
  (day, flow, community_code, estate_id, company_id) nulls not distinct;
create index supervision_day_community_idx on supervision_day (community_code, day);

create table supervision_month (like supervision_day including defaults);
alter table supervision_month rename column day to month; -- the first day of the month
create unique index supervision_month_cell on supervision_month
  (month, flow, community_code, estate_id, company_id) nulls not distinct;
create index supervision_month_community_idx on supervision_month (community_code, month);

-- Element-wise sum of two histograms (missing elements count 0), and its aggregate.
create function linli_hist_add(a integer[], b integer[]) returns integer[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i), '{}')
  from generate_series(1, greatest(coalesce(array_length(a, 1), 0), coalesce(array_length(b, 1), 0))) i
$$;
create aggregate linli_hist_sum(integer[]) (sfunc = linli_hist_add, stype = integer[], initcond = '{}');

-- One row per breach (a BREACHED ledger row) with what closed it since: the first SUPERVISED row of
-- its 督办 and the last stop of the breached clock after the breach.
create table breach_state (
  id                  bigserial    primary key,
  flow                varchar(24)  not null,
  case_no             varchar(32)  not null,
  community_code      varchar(32)  not null,
  estate_id           bigint,
  company_id          bigint,
  clock               varchar(40)  not null,
  level               smallint     not null,
  due_at              timestamptz,
  breached_at         timestamptz  not null,
  holder              varchar(300),
  process_instance_id varchar(64),
  supervised_at       timestamptz,
  supervised_by       varchar(64),
  resolved_at         timestamptz,
  unique (flow, case_no, clock, level)
);
-- The list is newest first and pages by (breached_at, id): each filter has an index in that order.
create index breach_state_time_idx on breach_state (breached_at desc, id desc);
create index breach_state_community_idx on breach_state (community_code, breached_at desc, id desc);
create index breach_state_estate_idx on breach_state (estate_id, breached_at desc, id desc);
create index breach_state_company_idx on breach_state (company_id, breached_at desc, id desc);
create index breach_state_clock_idx on breach_state (clock, level, breached_at desc, id desc);
create index breach_state_open_idx on breach_state (breached_at desc, id desc) where supervised_at is null;
create index breach_state_case_idx on breach_state (case_no);

-- The read model starts empty here; the application fills it at start-up when it finds it empty
-- while cases exist (SupervisionReadModel.fillIfEmpty).
