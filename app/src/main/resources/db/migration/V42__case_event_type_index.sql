-- Supervisors count the moves of cases (转单, 退单, 拒单) per company over a period: the case log
-- is read by event kind and time, which its case-number index does not serve.
create index case_event_type_idx on case_event (event_type, occurred_at);
