-- Residents (issue 6): intake that loses nothing, contact details encrypted at rest, notifications.

-- The first answer to each Idempotency-Key, per intake scope (e.g. 'grievance'). A retried or
-- concurrent duplicate submission waits on this row's unique key and gets the stored answer.
create table idempotency_key (
  scope           varchar(32)  not null,
  idem_key        varchar(128) not null,
  request_hash    varchar(64)  not null,
  response_status integer,
  response_body   text,
  created_at      timestamptz  not null,
  primary key (scope, idem_key)
);

-- Phones are stored E.164 and AES-GCM encrypted (key: linli.crypto.key); the clear column goes.
-- Rows written before this migration are encrypted at start-up by io.linli.grievance.GrievancePhoneBackfill,
-- which clears contact_phone as it goes.
alter table grievance_case add column contact_phone_enc bytea;
comment on column grievance_case.contact_phone is 'legacy clear text: emptied by PhoneBackfill, never written';

-- Channels a resident chose at intake, with the address (encrypted), per flow and case number.
create table notification_subscription (
  id          bigserial primary key,
  flow        varchar(24) not null,
  case_no     varchar(32) not null,
  channel     varchar(16) not null check (channel in ('EMAIL', 'SMS')),
  address_enc bytea       not null,
  created_at  timestamptz not null,
  unique (flow, case_no, channel)
);

-- The outbox: one row per case event and channel, written in the transaction of the state change.
-- dedup_key = flow:caseNo:caseEventId:channel. The dispatcher claims rows with FOR UPDATE SKIP LOCKED.
create table notification_outbox (
  id              bigserial primary key,
  dedup_key       varchar(120) not null unique,
  flow            varchar(24)  not null,
  case_no         varchar(32)  not null,
  case_event_id   bigint       not null,
  event_type      varchar(32)  not null,
  channel         varchar(16)  not null,
  address_enc     bytea        not null,
  subject         varchar(200) not null,
  body            text         not null,
  status          varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        integer      not null default 0,
  next_attempt_at timestamptz  not null,
  last_error      varchar(500),
  created_at      timestamptz  not null,
  sent_at         timestamptz
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'PENDING';
create index notification_outbox_case_idx on notification_outbox (case_no);

-- Anonymous QR submissions: a fixed-window counter per QR code and client address, in the
-- database so the limit holds across nodes (one atomic upsert per submission).
create table qr_submission_window (
  qr_code      varchar(120) not null,
  client_addr  varchar(64)  not null,
  window_start timestamptz  not null,
  submissions  integer      not null,
  primary key (qr_code, client_addr, window_start)
);

-- Photos of a case (any flow), re-encoded on upload so no EXIF/GPS survives; never in process variables.
create table case_photo (
  id           bigserial primary key,
  flow         varchar(24) not null,
  case_no      varchar(32) not null,
  content_type varchar(32) not null,
  width        integer     not null,
  height       integer     not null,
  bytes        bytea       not null,
  created_at   timestamptz not null
);
create index case_photo_case_idx on case_photo (flow, case_no);
