-- 每日巡查 (io.linli.dailycheck): one check per community and working day, opened by the daily
-- round, completed by the community officer; each 督促 of a case from a check, once per case.
create table daily_check (
  id             bigserial    primary key,
  community_code varchar(32)  not null,
  check_date     date         not null,
  case_no        varchar(32)  not null unique,
  opened_at      timestamptz  not null,
  open_cases     integer      not null,
  completed_at   timestamptz,
  completed_by   varchar(64),
  note           varchar(500),
  unique (community_code, check_date)
);

create table daily_check_urge (
  id         bigserial    primary key,
  check_id   bigint       not null references daily_check (id),
  case_no    varchar(32)  not null,
  urged_at   timestamptz  not null,
  urged_by   varchar(64),
  reached    integer      not null,
  unique (check_id, case_no)
);
