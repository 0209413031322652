-- The resident's rating of a service order (满意/基本满意/不满意, or NONE when the window passed),
-- its one rework round on 不满意, and the reopening after a 不满意 at the party group's follow-up.
alter table service_order
  add column rating            varchar(24),
  add column rating_comment    varchar(500),
  add column rated_at          timestamptz,
  add column rework_rounds     integer not null default 0,
  add column reopened_at       timestamptz,
  add column reopened_by       varchar(64);
