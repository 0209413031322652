-- Retention (io.linli.cases.CaseRetention) erases free text in three tables that refuse changes:
-- the SLA ledger's notes (督办意见), the evaluation's score comments and the vote comments. The triggers
-- now let exactly one update through: the note (comment) set to null, every other column unchanged.
-- Rows are still never deleted and no value is ever changed otherwise.
create or replace function sla_ledger_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.note is null
     and (to_jsonb(new) - 'note') = (to_jsonb(old) - 'note') then
    return new;
  end if;
  raise exception 'sla_ledger is append-only: % refused', tg_op;
end;
$$;

create or replace function evaluation_score_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.comment is null
     and (to_jsonb(new) - 'comment') = (to_jsonb(old) - 'comment') then
    return new;
  end if;
  raise exception 'evaluation_score is final: % refused', tg_op;
end;
$$;

create or replace function consultation_vote_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.comment is null
     and (to_jsonb(new) - 'comment') = (to_jsonb(old) - 'comment') then
    return new;
  end if;
  raise exception 'consultation_vote is final: % refused', tg_op;
end;
$$;
