-- Every time staff reveal a resident's full phone number (PIPL: who, when, which case, for which
-- task). Written in the same transaction as the reveal; the phone itself is never stored here.
-- Append-only: the application only inserts and reads.
create table contact_access_log (
  id          bigserial    primary key,
  flow        varchar(24)  not null,
  case_no     varchar(32)  not null,
  community   varchar(32)  not null,
  staff_user  varchar(64)  not null,
  task_id     varchar(64)  not null,
  task_key    varchar(128) not null,
  task_name   varchar(255),
  purpose     varchar(255) not null,
  accessed_at timestamptz  not null
);
create index contact_access_log_case_idx on contact_access_log (case_no, accessed_at);
create index contact_access_log_staff_idx on contact_access_log (staff_user, accessed_at);
