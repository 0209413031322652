-- 物业定星·小区定级 (seed 004): a yearly (or on-demand) rating of every property company (1–5 stars)
-- and every estate (grade A–D), with the inputs, points and formula it was computed on. A new run
-- makes new rows and keeps the old ones (current = false). A supervisor's override changes the
-- rating in force, never the computed one, and is recorded with its reason in star_rating_override.

create table star_rating (
  id              bigserial primary key,
  year            smallint not null check (year between 2000 and 2100),
  subject_kind    varchar(8) not null check (subject_kind in ('COMPANY', 'ESTATE')),
  subject_id      bigint not null,
  subject_name    varchar(100) not null,
  community_code  varchar(32) references community (code),
  points          numeric(5, 1),
  computed_stars  smallint check (computed_stars between 1 and 5),
  computed_grade  char(1) check (computed_grade in ('A', 'B', 'C', 'D')),
  stars           smallint check (stars between 1 and 5),
  grade           char(1) check (grade in ('A', 'B', 'C', 'D')),
  basis           text not null,
  run_kind        varchar(10) not null check (run_kind in ('YEARLY', 'ON_DEMAND')),
  computed_by     varchar(64) not null,
  computed_at     timestamptz not null,
  current         boolean not null default true
);
create unique index star_rating_current_idx on star_rating (year, subject_kind, subject_id) where current;

create table star_rating_override (
  id            bigserial primary key,
  rating_id     bigint not null references star_rating (id),
  from_value    varchar(2),
  to_value      varchar(2) not null,
  reason        text not null,
  overridden_by varchar(64) not null,
  overridden_at timestamptz not null
);
create index star_rating_override_rating_idx on star_rating_override (rating_id);

create function star_rating_override_final() returns trigger language plpgsql as $$
begin
  raise exception 'star_rating_override is an audit trail: % refused', tg_op;
end;
$$;
create trigger star_rating_override_no_change before update or delete on star_rating_override
  for each row execute function star_rating_override_final();
