-- Anonymous writes per client address on every channel (issue 14 item 11, AnonymousLimit): a
-- fixed-window counter per kind (WRITE, PROOF) and address, in the database so the limit holds
-- across nodes (one atomic upsert per request). Ended windows are deleted by IntakeHousekeeping.
create table anonymous_write_window (
  kind         varchar(16) not null,
  client_addr  varchar(64) not null,
  window_start timestamptz not null,
  requests     integer     not null,
  primary key (kind, client_addr, window_start)
);
create index anonymous_write_window_start_idx on anonymous_write_window (window_start);
