-- Retention of residents' personal data (io.linli.cases.CaseRetention): when a closed case's
-- contact data, photos, tokens, notification rows and event notes were purged. The nightly purge
-- finds its work through the partial index.
alter table case_file add column personal_data_purged_at timestamptz;
create index case_file_retention_idx on case_file (closed_at)
  where closed_at is not null and personal_data_purged_at is null;
