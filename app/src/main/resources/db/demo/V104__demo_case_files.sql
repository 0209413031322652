-- The demo history (V103) was written into the flows' own tables after V13 on a fresh database:
-- give each of those cases its case_file row, as V13 does for an existing database.
insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
  property_company_id, category, service_code, status, reported_at, closed_at, process_instance_id,
  rating, follow_up_rating)
select 'GRIEVANCE', g.id, g.case_no, g.community_code, g.estate_id, g.building_id,
       e.property_company_id, g.category, g.category, g.status, g.reported_at, g.closed_at,
       g.process_instance_id, g.rating, g.follow_up_satisfaction
from grievance_case g left join estate e on e.id = g.estate_id
on conflict (case_no) do nothing;

insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
  property_company_id, category, service_code, status, reported_at, closed_at, process_instance_id,
  follow_up_rating)
select 'SERVICE_ORDER', o.id, o.order_no, o.community_code, o.estate_id, o.building_id,
       e.property_company_id, o.category_code, o.item_code, o.status, o.ordered_at, o.closed_at,
       o.process_instance_id, o.follow_up_satisfaction
from service_order o left join estate e on e.id = o.estate_id
on conflict (case_no) do nothing;
