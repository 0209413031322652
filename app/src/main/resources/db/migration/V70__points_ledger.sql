-- Points (积分): an append-only, double-entry ledger. Every entry moves an amount from one account
-- (its source) to another (its sink); an account's balance is the sum of what it received minus
-- what it gave, never a stored counter. Residents' accounts are keyed by a keyed pseudonym of the
-- phone (or of the realm user name), never the clear phone.

create table points_account (
  id             bigserial primary key,
  kind           varchar(16) not null check (kind in ('RESIDENT', 'ISSUER', 'SHOP')),
  ref            varchar(64) not null,
  community_code varchar(32) references community (code),
  created_at     timestamptz not null,
  unique (kind, ref)
);

create table points_entry (
  id             bigserial primary key,
  source_account bigint not null references points_account (id),
  sink_account   bigint not null references points_account (id),
  amount         integer not null check (amount > 0),
  kind           varchar(16) not null check (kind in ('EARN', 'REDEEM', 'REVERSAL')),
  rule           varchar(40),
  cause          varchar(120) not null,
  community_code varchar(32) not null references community (code),
  note           varchar(200),
  occurred_at    timestamptz not null,
  check (source_account <> sink_account),
  unique (kind, cause)
);
create index points_entry_source on points_entry (source_account, occurred_at);
create index points_entry_sink on points_entry (sink_account, occurred_at);
create index points_entry_community on points_entry (community_code, occurred_at);

create function points_entry_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;

create trigger points_entry_no_update before update or delete on points_entry
  for each row execute function points_entry_append_only();
create trigger points_entry_no_truncate before truncate on points_entry
  for each statement execute function points_entry_append_only();

-- Wallet tokens: what lets a resident without a realm account open their own points after proving
-- the phone with a case (case number + phone, or the case's watch token). Only the SHA-256 is kept.
create table points_wallet_token (
  token_hash bytea primary key,
  account_id bigint not null references points_account (id),
  issued_at  timestamptz not null,
  expires_at timestamptz not null
);

-- 爱心商铺: partner shops registered by the community, each with its realm user and its account.
create table points_shop (
  id             bigserial primary key,
  community_code varchar(32) not null references community (code),
  name           varchar(100) not null,
  address        varchar(200),
  user_id        varchar(64) not null unique,
  account_id     bigint not null unique references points_account (id),
  registered_at  timestamptz not null,
  registered_by  varchar(64)
);

-- One-time redemption codes: shown to the resident, spent once by a shop before they expire.
create table points_redemption_code (
  id          bigserial primary key,
  code_hash   bytea not null unique,
  account_id  bigint not null references points_account (id),
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  redeemed_at timestamptz,
  shop_id     bigint references points_shop (id),
  entry_id    bigint references points_entry (id)
);
create index points_redemption_code_account on points_redemption_code (account_id, issued_at);

-- 志愿活动: published by the community; residents sign up; the organiser records hours.
create table points_activity (
  id             bigserial primary key,
  community_code varchar(32) not null references community (code),
  estate_id      bigint references estate (id),
  title          varchar(100) not null,
  description    varchar(1000),
  starts_at      timestamptz not null,
  ends_at        timestamptz not null,
  capacity       integer not null check (capacity > 0),
  organiser_role varchar(32) not null,
  published_at   timestamptz not null,
  published_by   varchar(64),
  check (ends_at > starts_at)
);
create index points_activity_community on points_activity (community_code, starts_at);

create table points_activity_signup (
  id            bigserial primary key,
  activity_id   bigint not null references points_activity (id),
  account_id    bigint not null references points_account (id),
  name_enc      bytea,
  phone_enc     bytea,
  estate_id     bigint references estate (id),
  building_code varchar(32),
  room          varchar(20),
  signed_up_at  timestamptz not null,
  hours         numeric(4, 1) check (hours >= 0 and hours <= 24),
  recorded_at   timestamptz,
  recorded_by   varchar(64),
  unique (activity_id, account_id)
);

-- 绿能卡: volunteer hours credited against the property fee, listed in the property company's
-- monthly settlement. Append-only like the ledger.
create table points_fee_offset (
  id                  bigserial primary key,
  signup_id           bigint not null unique references points_activity_signup (id),
  estate_id           bigint not null references estate (id),
  property_company_id bigint references property_company (id),
  month               char(7) not null,
  hours               numeric(4, 1) not null check (hours > 0),
  amount_fen          integer not null check (amount_fen > 0),
  created_at          timestamptz not null
);

create trigger points_fee_offset_no_update before update or delete on points_fee_offset
  for each row execute function points_entry_append_only();

-- Cases that a voiding event (e.g. rejected as duplicate or spam) has marked: they earn nothing.
create table points_voided_case (
  flow      varchar(24) not null,
  case_no   varchar(32) not null,
  event     varchar(32) not null,
  voided_at timestamptz not null,
  primary key (flow, case_no)
);
