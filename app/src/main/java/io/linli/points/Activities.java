package io.linli.points;

import io.linli.community.CommunityDirectory;
import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneNumbers;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿活动 (垃圾分类, 交通劝导, 雨季巡逻 …): published by the community, joined by residents (one sign-up per
 * account, up to the capacity; the activity row is locked while counting), and closed by the
 * organiser recording each participant's hours once. Hours become points (rule {@value
 * PointsProperties#VOLUNTEER_RULE}, {@code linli.points.points-per-hour}, under the caps); where
 * the activity's estate runs 绿能卡, they also become a fee offset for the property company's monthly
 * settlement ({@link GreenCardSettlement}). The resident's name and phone are encrypted ({@link
 * ContactCipher}): the organiser sees the name and a masked phone.
 */
@Service
class Activities {

  record Activity(
      long id,
      String communityCode,
      Long estateId,
      String estateCode,
      String estateName,
      String title,
      String description,
      Instant startsAt,
      Instant endsAt,
      int capacity,
      String organiserRole,
      int signedUp) {}

  record Signup(
      long id,
      String name,
      String maskedPhone,
      String buildingCode,
      String room,
      Instant signedUpAt,
      BigDecimal hours) {}

  record NewActivity(
      String communityCode,
      String estateCode,
      String title,
      String description,
      Instant startsAt,
      Instant endsAt,
      int capacity,
      String organiserRole) {}

  record Attendance(long signupId, BigDecimal hours) {}

  record Recorded(long signupId, BigDecimal hours, int points, int feeOffsetFen) {}

  private final JdbcClient jdbc;
  private final CommunityDirectory directory;
  private final ContactCipher cipher;
  private final Ledger ledger;
  private final PointsProperties rules;

  Activities(
      JdbcClient jdbc,
      CommunityDirectory directory,
      ContactCipher cipher,
      Ledger ledger,
      PointsProperties rules) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.cipher = cipher;
    this.ledger = ledger;
    this.rules = rules;
  }

  @Transactional
  Activity publish(NewActivity a, String by) {
    Long estateId = null;
    if (a.estateCode() != null) {
      estateId =
          directory
              .estate(a.communityCode(), a.estateCode())
              .orElseThrow(() -> ApiError.invalid("estateCode", "该社区没有此小区：" + a.estateCode()))
              .id();
    }
    long id =
        jdbc.sql(
                """
            insert into points_activity (community_code, estate_id, title, description, starts_at,
              ends_at, capacity, organiser_role, published_at, published_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                a.communityCode(),
                estateId,
                a.title(),
                a.description(),
                Timestamp.from(a.startsAt()),
                Timestamp.from(a.endsAt()),
                a.capacity(),
                a.organiserRole(),
                Timestamp.from(Times.now()),
                by)
            .query(Long.class)
            .single();
    return find(id).orElseThrow();
  }

  Optional<Activity> find(long id) {
    return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Activities::row).optional();
  }

  /** The community's activities that have not ended yet, soonest first. */
  List<Activity> upcoming(String community) {
    return jdbc.sql(
            SELECT + " where a.community_code = ? and a.ends_at > ? order by a.starts_at, a.id")
        .params(community, Timestamp.from(Times.now()))
        .query(Activities::row)
        .list();
  }

  @Transactional
  long signUp(
      long activityId,
      long account,
      String name,
      String phoneE164,
      Long estateId,
      String buildingCode,
      String room) {
    jdbc.sql("select id from points_activity where id = ? for update")
        .param(activityId)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> ApiError.notFound("没有这个志愿活动"));
    Activity a = find(activityId).orElseThrow();
    if (!a.endsAt().isAfter(Times.now())) throw ApiError.conflict("该活动已结束，不能报名");
    if (jdbc.sql(
                "select count(*) from points_activity_signup where activity_id = ? and account_id = ?")
            .params(activityId, account)
            .query(Long.class)
            .single()
        > 0) {
      throw ApiError.conflict("您已报名该活动");
    }
    if (a.signedUp() >= a.capacity()) throw ApiError.conflict("该活动报名已满");
    return jdbc.sql(
            """
            insert into points_activity_signup (activity_id, account_id, name_enc, phone_enc,
              estate_id, building_code, room, signed_up_at)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            activityId,
            account,
            cipher.encrypt(name),
            cipher.encrypt(phoneE164),
            a.estateId() != null ? a.estateId() : estateId,
            buildingCode,
            room,
            Timestamp.from(Times.now()))
        .query(Long.class)
        .single();
  }

  List<Signup> signups(long activityId) {
    return jdbc.sql(
            """
            select id, name_enc, phone_enc, building_code, room, signed_up_at, hours
            from points_activity_signup where activity_id = ? order by id""")
        .param(activityId)
        .query(
            (rs, n) ->
                new Signup(
                    rs.getLong(1),
                    cipher.decrypt(rs.getBytes(2)),
                    PhoneNumbers.mask(cipher.decrypt(rs.getBytes(3))),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getBigDecimal(7)))
        .list();
  }

  /** Records hours once per sign-up; a sign-up already recorded is refused (409). */
  @Transactional
  List<Recorded> record(long activityId, List<Attendance> attendance, String by) {
    Activity a = find(activityId).orElseThrow(() -> ApiError.notFound("没有这个志愿活动"));
    jdbc.sql("select id from points_activity where id = ? for update")
        .param(activityId)
        .query(Long.class)
        .single();
    java.util.ArrayList<Recorded> out = new java.util.ArrayList<>();
    for (Attendance at : attendance) {
      record Row(long account, Long estateId, BigDecimal hours, String estateCode) {}
      Row row =
          jdbc.sql(
                  """
              select s.account_id, s.estate_id, s.hours, e.code from points_activity_signup s
              left join estate e on e.id = s.estate_id where s.id = ? and s.activity_id = ?""")
              .params(at.signupId(), activityId)
              .query(
                  (rs, n) ->
                      new Row(
                          rs.getLong(1),
                          (Long) rs.getObject(2),
                          rs.getBigDecimal(3),
                          rs.getString(4)))
              .optional()
              .orElseThrow(() -> ApiError.invalid("attendance", "该活动没有这个报名：" + at.signupId()));
      if (row.hours() != null) throw ApiError.conflict("报名 " + at.signupId() + " 的时长已记录，不能更改");
      jdbc.sql(
              "update points_activity_signup set hours = ?, recorded_at = ?, recorded_by = ? where id = ?")
          .params(at.hours(), Timestamp.from(Times.now()), by, at.signupId())
          .update();
      int points =
          at.hours()
              .multiply(BigDecimal.valueOf(rules.pointsPerHour()))
              .setScale(0, RoundingMode.HALF_UP)
              .intValue();
      int granted =
          points <= 0
              ? 0
              : ledger.earn(
                  row.account(),
                  a.communityCode(),
                  PointsProperties.VOLUNTEER_RULE,
                  "activity:" + activityId + ":" + at.signupId(),
                  points,
                  rules.dailyCap(),
                  rules.monthlyCap(),
                  a.title() + " " + at.hours().stripTrailingZeros().toPlainString() + " 小时");
      int fen = 0;
      if (rules.greenCard().runs(row.estateCode())
          && row.estateId() != null
          && at.hours().signum() > 0) {
        fen =
            at.hours()
                .multiply(BigDecimal.valueOf(rules.greenCard().fenPerHour()))
                .setScale(0, RoundingMode.HALF_UP)
                .intValue();
        jdbc.sql(
                """
                insert into points_fee_offset (signup_id, estate_id, property_company_id, month, hours,
                  amount_fen, created_at)
                values (?, ?, (select property_company_id from estate where id = ?), ?, ?, ?, ?)""")
            .params(
                at.signupId(),
                row.estateId(),
                row.estateId(),
                YearMonth.from(a.startsAt().atZone(Times.BEIJING)).toString(),
                at.hours(),
                fen,
                Timestamp.from(Times.now()))
            .update();
      }
      out.add(new Recorded(at.signupId(), at.hours(), granted, fen));
    }
    return out;
  }

  private static final String SELECT =
      """
      select a.id, a.community_code, a.estate_id, e.code, e.name, a.title, a.description,
             a.starts_at, a.ends_at, a.capacity, a.organiser_role,
             (select count(*) from points_activity_signup s where s.activity_id = a.id)
      from points_activity a left join estate e on e.id = a.estate_id""";

  private static Activity row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Activity(
        rs.getLong(1),
        rs.getString(2),
        (Long) rs.getObject(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9).toInstant(),
        rs.getInt(10),
        rs.getString(11),
        rs.getInt(12));
  }
}
