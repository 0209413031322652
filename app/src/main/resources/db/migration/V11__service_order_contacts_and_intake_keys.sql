-- Residents (issue 6), service orders: the resident's phone is encrypted at rest like a
-- grievance's (PhoneBackfill encrypts rows written in clear before this and empties contact_phone).
alter table service_order add column contact_phone_enc bytea;
comment on column service_order.contact_phone is 'legacy clear text: emptied by PhoneBackfill, never written';

-- Idempotency keys are kept for linli.intake.idempotency-retention, then purged by any node.
create index idempotency_key_created_idx on idempotency_key (created_at);
create index qr_submission_window_start_idx on qr_submission_window (window_start);
