-- A grievance merged at 分流定级 into an open grievance about the same problem (the same broken lift
-- reported by ten residents): the duplicate ends as MERGED and follows the original, whose progress
-- its resident is told. One row per duplicate; an original is never itself merged.
create table grievance_merge (
  duplicate_case_no varchar(32) primary key,
  original_case_no  varchar(32) not null,
  merged_by         varchar(64) not null,
  reason            varchar(500),
  merged_at         timestamptz not null
);
create index grievance_merge_original_idx on grievance_merge (original_case_no);
