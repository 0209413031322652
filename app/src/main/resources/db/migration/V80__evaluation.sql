-- 年度综合考评 (seed 003: owner representatives review the property company on 12 aspects every
-- year) and the rectification (整改) cases it opens. The engine carries ids only; rolls, scores,
-- the tally and the plans live here.

create sequence evaluation_no_seq;

-- One evaluation of one property company for one estate and year (a retry never opens a second);
-- after one ended without quorum the year may be opened again.
create table evaluation (
  id                  bigserial primary key,
  evaluation_no       varchar(32) not null unique,
  community_code      varchar(32) not null references community (code),
  estate_id           bigint not null references estate (id),
  property_company_id bigint not null references property_company (id),
  year                smallint not null check (year between 2000 and 2100),
  state               varchar(16) not null
                      check (state in ('SCORING', 'NO_QUORUM', 'ANSWERING', 'PUBLISHED', 'CLOSED')),
  opened_by           varchar(64) not null,
  opened_at           timestamptz not null,
  eligible            integer not null check (eligible >= 0),
  answered            integer,
  quorum_met          boolean,
  overall             numeric(4, 2),
  tallied_at          timestamptz,
  process_instance_id varchar(64)
);
create unique index evaluation_one_per_year_idx on evaluation (estate_id, property_company_id, year)
  where state <> 'NO_QUORUM';
create index evaluation_company_year_idx on evaluation (property_company_id, year);

-- Who may score: the estate's representatives when the evaluation opened (a fixed roll).
create table evaluation_roll (
  evaluation_id     bigint not null references evaluation (id),
  representative_id varchar(64) not null,
  primary key (evaluation_id, representative_id)
);

-- A representative scores each aspect once, 1–5; a score is never changed.
create table evaluation_score (
  evaluation_id     bigint not null,
  representative_id varchar(64) not null,
  aspect            smallint not null check (aspect between 1 and 50),
  score             smallint not null check (score between 1 and 5),
  comment           text,
  scored_at         timestamptz not null,
  primary key (evaluation_id, representative_id, aspect),
  foreign key (evaluation_id, representative_id)
    references evaluation_roll (evaluation_id, representative_id)
);

create function evaluation_score_final() returns trigger language plpgsql as $$
begin
  raise exception 'evaluation_score is final: % refused', tg_op;
end;
$$;
create trigger evaluation_score_no_change before update or delete on evaluation_score
  for each row execute function evaluation_score_final();

-- The tally per aspect, with the aspect's name and weight as configured when it was tallied.
create table evaluation_result (
  evaluation_id bigint not null references evaluation (id),
  aspect        smallint not null,
  aspect_name   varchar(50) not null,
  weight        numeric(6, 3) not null,
  answers       integer not null,
  average       numeric(3, 2),
  -- averaged under linli.evaluation.rectify-below (compared exactly): a plan is due
  weak          boolean not null default false,
  primary key (evaluation_id, aspect)
);

create sequence rectification_no_seq;

-- 整改: the property company's plan for one aspect averaged under the threshold, tracked as a case.
create table rectification (
  id                  bigserial primary key,
  rectification_no    varchar(32) not null unique,
  evaluation_id       bigint not null references evaluation (id),
  aspect              smallint not null,
  plan                text not null,
  deadline            timestamptz not null,
  state               varchar(16) not null check (state in ('RECTIFYING', 'DONE')),
  planned_by          varchar(64) not null,
  opened_at           timestamptz not null,
  result              text,
  done_at             timestamptz,
  process_instance_id varchar(64),
  unique (evaluation_id, aspect),
  foreign key (evaluation_id, aspect) references evaluation_result (evaluation_id, aspect)
);
