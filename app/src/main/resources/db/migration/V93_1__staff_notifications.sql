-- Staff notifications (io.linli.notification.StaffNotifications) go through the same outbox as the
-- residents' notices: a staff row names its recipient (a user id, never an address in clear) and
-- stems from no case event.
alter table notification_outbox alter column case_event_id drop not null;
alter table notification_outbox add column recipient varchar(64);

-- A staff member's mobile phone for SMS, encrypted like residents' phones (intake.ContactCipher).
-- E-mail comes from the identity (Camunda users, or Keycloak users in the keycloak profile).
create table staff_contact (
  user_id    varchar(64) primary key,
  phone_enc  bytea       not null,
  updated_at timestamptz not null
);

-- 临期预警: one row per clock of a case and level, so two nodes never warn twice. warn_at is the
-- instant the policy gives (a fraction of the clock's length, or a lead time before it falls due);
-- process_instance_id and activity_id name the task(s) that run the clock now (a later task under the
-- same clock takes it over; a multi-instance task warns each of its holders).
create table sla_warning (
  id                  bigserial    primary key,
  flow                varchar(24)  not null,
  case_no             varchar(32)  not null,
  clock               varchar(48)  not null,
  level               integer      not null,
  community_code      varchar(32),
  process_instance_id varchar(64)  not null,
  activity_id         varchar(255) not null,
  due_at              timestamptz  not null,
  warn_at             timestamptz  not null,
  status              varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'STOPPED')),
  recipients          integer,
  created_at          timestamptz  not null,
  sent_at             timestamptz,
  unique (flow, case_no, clock, level)
);
create index sla_warning_due_idx on sla_warning (warn_at) where status = 'PENDING';
