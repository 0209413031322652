-- The 33 building representatives of 地铁首座小区 (seed 002: "以楼栋为单位……选举楼栋代表33名",
-- the "1+1+33" mechanism). The estate has 12 buildings: two or three representatives each.
-- Demo users rep01..rep33 are created in Camunda by DemoIdentity (password: demo).
insert into building_representative (estate_id, building_id, user_id, display_name)
select e.id, b.id, 'rep' || lpad(n::text, 2, '0'),
       (array['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐',
              '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁',
              '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧'])[n]
       || case when n % 2 = 0 then '女士' else '先生' end
from estate e
cross join generate_series(1, 33) as n
join building b on b.estate_id = e.id and b.code = 'b' || (((n - 1) % 12) + 1)
where e.code = 'dtsz';
