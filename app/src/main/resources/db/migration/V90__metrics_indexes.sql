-- The metrics gauges (io.linli.metrics.StateGauges) count open cases by flow and state and the
-- failed notifications on every node every 30 s: both stay index-only as the tables grow
-- (closed cases and sent notifications are never in these partial indexes).
create index case_file_open_state_idx on case_file (flow, status) where closed_at is null;
create index notification_outbox_failed_idx on notification_outbox (id) where status = 'FAILED';
