-- Indexes the stock Camunda schema lacks, measured on these machines (shared/GOTCHAS.md 18-20).
-- Task completion and interrupting timers look up sub-tasks by parent id.
create index if not exists linli_idx_ru_task_parent on act_ru_task (parent_task_id_);
-- Overdue worklists filter and sort by due date.
create index if not exists linli_idx_ru_task_due on act_ru_task (due_date_);
create index if not exists linli_idx_hi_taskinst_due on act_hi_taskinst (due_date_);
-- jobExecutorAcquireByDueDate / jobExecutorPreferTimerJobs acquire by due date.
create index if not exists linli_idx_ru_job_duedate on act_ru_job (duedate_);
