-- Retention per kind of personal data (io.linli.cases.CaseRetention, io.linli.cases.PersonalData):
-- which kinds of a closed case were purged, and when. personal_data_purged_at is set once all are.
create table case_retention_purge (
  case_no   varchar(32) not null references case_file (case_no),
  kind      varchar(32) not null
            check (kind in ('CONTACTS', 'PHOTOS', 'FREE_TEXT', 'NOTIFICATION_BODIES')),
  purged_at timestamptz not null,
  primary key (case_no, kind)
);

-- Cases the first, single-duration purge (V91) handled lost their contacts, photos, tokens and
-- notification rows then; their free text (the flows' tables, the engine's history) is purged by
-- the next run.
insert into case_retention_purge (case_no, kind, purged_at)
select c.case_no, k.kind, c.personal_data_purged_at
from case_file c cross join (values ('CONTACTS'), ('PHOTOS'), ('NOTIFICATION_BODIES')) k (kind)
where c.personal_data_purged_at is not null;
update case_file set personal_data_purged_at = null where personal_data_purged_at is not null;
