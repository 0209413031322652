-- Where an Open311 client said a request is (GeoReport v2 lat/long, WGS-84 degrees), kept by
-- Open311 and read back by Open311 only; the case tables stay as they are.
create table open311_request_location (
  flow     varchar(32) not null,
  case_no  varchar(32) not null,
  lat      numeric(9, 6) not null check (lat between -90 and 90),
  long     numeric(9, 6) not null check (long between -180 and 180),
  primary key (flow, case_no)
);
