-- The business calendar (io.linli.calendar, docs/business-calendar.md): which dates differ from
-- "Monday to Friday work, Saturday and Sunday rest". Scope 'CN' is the State Council's national
-- schedule (statutory holidays and 调休 makeup working days); a community code is that community's
-- local days on top of it. Every node reads these rows (cached for a short while), so all count
-- the same due instants.
create table calendar_year (
  scope     varchar(32)  not null,
  year      integer      not null,
  source    varchar(200),
  loaded_at timestamptz  not null,
  loaded_by varchar(64)  not null,
  primary key (scope, year)
);

create table calendar_day (
  scope varchar(32) not null,
  year  integer     not null,
  day   date        not null,
  kind  varchar(16) not null check (kind in ('HOLIDAY', 'WORKDAY')),
  name  varchar(64) not null,
  primary key (scope, day),
  check (extract(year from day) = year),
  foreign key (scope, year) references calendar_year (scope, year) on delete cascade
);

-- A community's working hours for clocks that count working hours (default linli.calendar.working-hours).
create table community_working_hours (
  community_code varchar(32)  primary key references community (code),
  periods        varchar(200) not null,
  updated_at     timestamptz  not null,
  updated_by     varchar(64)  not null
);
