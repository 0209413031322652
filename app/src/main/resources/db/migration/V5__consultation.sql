-- Consultation (议事协商): 征—审—议—办—评 (shared/DOMAIN.md flow 3; seeds 002, 003, 004).
-- The engine carries ids only; topics, supporters, representatives, meetings, votes, the
-- 协商事项清单 and ratings live here.

-- Topic numbers come from the database, so every node draws from one sequence (YS-2026-000001).
create sequence consultation_topic_no_seq;

create table consultation_topic (
  id                  bigserial primary key,
  topic_no            varchar(32) not null unique,
  community_code      varchar(32) not null references community (code),
  estate_id           bigint not null references estate (id),
  category            varchar(32) not null
                      check (category in ('PUBLIC_FACILITY', 'PROPERTY_MANAGEMENT', 'SUPPORTING_FACILITY')),
  title               varchar(100) not null,
  description         text not null,
  proposer_id         varchar(64) not null,
  proposer_role       varchar(24) not null,
  -- a grid worker turned this recurring grievance into the topic; one topic per grievance
  grievance_case_no   varchar(32) unique references grievance_case (case_no),
  state               varchar(24) not null,
  review_note         text,
  merged_into         varchar(32) references consultation_topic (topic_no),
  evaluation_round    smallint not null default 1 check (evaluation_round in (1, 2)),
  proposed_at         timestamptz not null,
  collection_ends_at  timestamptz not null,
  closed_at           timestamptz,
  process_instance_id varchar(64)
);
create index consultation_topic_list_idx on consultation_topic (community_code, estate_id, state);
create index consultation_topic_pi_idx on consultation_topic (process_instance_id);

-- 附议: one row per topic and resident.
create table consultation_supporter (
  topic_id     bigint not null references consultation_topic (id),
  user_id      varchar(64) not null,
  supported_at timestamptz not null,
  primary key (topic_id, user_id)
);

-- 楼栋代表: the "33" of seed 002's "1+1+33", elected per building of an estate.
create table building_representative (
  id           bigserial primary key,
  estate_id    bigint not null references estate (id),
  building_id  bigint references building (id),
  user_id      varchar(64) not null,
  display_name varchar(50) not null,
  active       boolean not null default true,
  unique (estate_id, user_id)
);

-- One 议事会议 per round; its tally is written when the vote closes.
create table consultation_meeting (
  id             bigserial primary key,
  topic_id       bigint not null references consultation_topic (id),
  round          smallint not null check (round >= 1),
  meeting_at     timestamptz not null,
  place          varchar(200) not null,
  participants   varchar(300) not null,
  votes_close_at timestamptz not null,
  eligible       integer not null,
  agree          integer,
  disagree       integer,
  abstain        integer,
  outcome        varchar(16) check (outcome in ('AGREED', 'NOT_AGREED', 'NO_QUORUM')),
  tallied_at     timestamptz,
  unique (topic_id, round)
);

-- Who may vote in a round: the representatives called to that meeting (a fixed roll).
create table consultation_roll (
  topic_id          bigint not null,
  round             smallint not null,
  representative_id varchar(64) not null,
  primary key (topic_id, round, representative_id),
  foreign key (topic_id, round) references consultation_meeting (topic_id, round)
);

-- A representative votes once per round; a vote is never changed or withdrawn.
create table consultation_vote (
  id                bigserial primary key,
  topic_id          bigint not null,
  round             smallint not null,
  representative_id varchar(64) not null,
  choice            varchar(16) not null check (choice in ('AGREE', 'DISAGREE', 'ABSTAIN')),
  comment           text,
  voted_at          timestamptz not null,
  unique (topic_id, round, representative_id),
  foreign key (topic_id, round, representative_id)
    references consultation_roll (topic_id, round, representative_id)
);

create function consultation_vote_final() returns trigger language plpgsql as $$
begin
  raise exception 'consultation_vote is final: % refused', tg_op;
end;
$$;
create trigger consultation_vote_no_change before update or delete on consultation_vote
  for each row execute function consultation_vote_final();

-- 协商事项清单: an agreed topic with its responsible body (办理主体) and deadline (办理时限).
create table consultation_execution (
  topic_id          bigint primary key references consultation_topic (id),
  responsible_body  varchar(32) not null,
  responsible_name  varchar(100),
  plan              text,
  deadline          timestamptz not null,
  listed_at         timestamptz not null,
  result            text,
  done_at           timestamptz,
  rework_deadline   timestamptz,
  rework_result     text,
  rework_done_at    timestamptz
);
create index consultation_execution_deadline_idx on consultation_execution (deadline);

-- 评: residents rate the result, once per resident and evaluation round (a second round follows
-- one send-back to 办).
create table consultation_rating (
  topic_id         bigint not null references consultation_topic (id),
  evaluation_round smallint not null check (evaluation_round in (1, 2)),
  user_id          varchar(64) not null,
  rating           varchar(24) not null
                   check (rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
  comment          text,
  rated_at         timestamptz not null,
  primary key (topic_id, evaluation_round, user_id)
);
