-- Tasklist's lists are narrow since the organisation tree routes cases to grids, estates and
-- companies: a grid worker's list holds about 1% of the open tasks. With an index on
-- ACT_RU_TASK(DUE_DATE_), PostgreSQL answers "the first 15 by due date" by walking every open task
-- in due order and probing its candidate links until 15 match: some 20,000 probes at 100,000 open
-- tasks (bench/plans/e-unclaimed-first-page.txt). Without the index the plan starts from the
-- group's links (ACT_IDX_IDENT_LNK_GROUP) and sorts the few tasks that match.
drop index if exists linli_idx_ru_task_due;
