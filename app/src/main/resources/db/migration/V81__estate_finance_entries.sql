-- 双晒 收支 entry: property staff enter an estate's quarter (物业费 per month, spending per month and
-- category); 社区党委 approves or rejects it. Entries are never changed: a correction is a new entry
-- naming the one it corrects. Approving an entry publishes its lines as the quarter's books in
-- management_fee and estate_expense (V8), which the 双晒 report reads.

create sequence finance_entry_no_seq;

create table finance_entry (
  id                  bigserial primary key,
  entry_no            varchar(32) not null unique,
  community_code      varchar(32) not null references community (code),
  estate_id           bigint not null references estate (id),
  quarter             varchar(7) not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  corrects_entry_no   varchar(32) references finance_entry (entry_no),
  digest              varchar(64) not null,
  state               varchar(16) not null check (state in ('SUBMITTED', 'APPROVED', 'REJECTED')),
  submitted_by        varchar(64) not null,
  submitted_at        timestamptz not null,
  decided_by          varchar(64),
  decided_at          timestamptz,
  decision_reason     text,
  process_instance_id varchar(64)
);
create index finance_entry_estate_idx on finance_entry (estate_id, quarter);

create table finance_entry_fee (
  entry_id          bigint not null references finance_entry (id),
  month             date not null check (month = date_trunc('month', month)::date),
  households_billed integer not null check (households_billed >= 0),
  households_paid   integer not null check (households_paid between 0 and households_billed),
  billed_fen        bigint not null check (billed_fen >= 0),
  collected_fen     bigint not null check (collected_fen >= 0),
  primary key (entry_id, month)
);

create table finance_entry_expense (
  entry_id   bigint not null references finance_entry (id),
  month      date not null check (month = date_trunc('month', month)::date),
  category   varchar(16) not null check (category in ('STAFF', 'CLEANING', 'GREENING', 'SECURITY',
               'REPAIR', 'UTILITIES', 'REMUNERATION', 'OTHER')),
  amount_fen bigint not null check (amount_fen >= 0),
  note       varchar(200),
  primary key (entry_id, month, category)
);

create function finance_entry_line_final() returns trigger language plpgsql as $$
begin
  raise exception '% is final: % refused', tg_table_name, tg_op;
end;
$$;
create trigger finance_entry_fee_no_change before update or delete on finance_entry_fee
  for each row execute function finance_entry_line_final();
create trigger finance_entry_expense_no_change before update or delete on finance_entry_expense
  for each row execute function finance_entry_line_final();
