-- 双晒 收支季报 (seed 002): an estate's property-fee income and what it was spent on, per month.
-- Service-order fees and the monthly worker settlements come from service_order (V4); these are the
-- rest of the estate's books. Money is integer fen, never floating point.

-- 物业费: billed and collected per estate and month (seed 001: collection rose from 20% to 90%).
create table management_fee (
  id                bigserial primary key,
  estate_id         bigint not null references estate (id),
  month             date not null check (month = date_trunc('month', month)::date),
  households_billed integer not null check (households_billed >= 0),
  households_paid   integer not null check (households_paid between 0 and households_billed),
  billed_fen        bigint not null check (billed_fen >= 0),
  collected_fen     bigint not null check (collected_fen >= 0),
  recorded_by       varchar(64),
  recorded_at       timestamptz not null default now(),
  unique (estate_id, month)
);

-- Spending of the estate's fees. REMUNERATION is the property company's 酬金 under the 酬金制 of
-- seed 003 (an agreed share of the fees; the rest is spent on the contract's items).
create table estate_expense (
  id          bigserial primary key,
  estate_id   bigint not null references estate (id),
  month       date not null check (month = date_trunc('month', month)::date),
  category    varchar(16) not null check (category in ('STAFF', 'CLEANING', 'GREENING', 'SECURITY',
                'REPAIR', 'UTILITIES', 'REMUNERATION', 'OTHER')),
  amount_fen  bigint not null check (amount_fen >= 0),
  note        text,
  recorded_by varchar(64),
  recorded_at timestamptz not null default now(),
  unique (estate_id, month, category)
);
