package io.linli.points;

import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneNumbers;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 绿能卡 monthly settlement: every fee offset of a community's estates in a month (the month the
 * activity took place), with the household it is credited to, for the property company to deduct
 * from the property fee. Amounts in fen. Names and the masked phone are there because the property
 * company must know whose fee to reduce; the list is readable by the community's property staff and
 * 社区党委, the street committee and supervisors only.
 */
@Component
class GreenCardSettlement {

  record Line(
      long signupId,
      String estateName,
      String propertyCompany,
      String buildingCode,
      String room,
      String name,
      String maskedPhone,
      String activity,
      BigDecimal hours,
      int amountFen) {}

  record Statement(
      String communityCode,
      String month,
      int count,
      BigDecimal hours,
      int totalFen,
      List<Line> offsets) {}

  private final JdbcClient jdbc;
  private final ContactCipher cipher;

  GreenCardSettlement(JdbcClient jdbc, ContactCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Statement of(String community, YearMonth month) {
    List<Line> lines =
        jdbc.sql(
                """
            select f.signup_id, e.name, pc.name, s.building_code, s.room, s.name_enc, s.phone_enc,
                   a.title, f.hours, f.amount_fen
            from points_fee_offset f
            join estate e on e.id = f.estate_id
            left join property_company pc on pc.id = f.property_company_id
            join points_activity_signup s on s.id = f.signup_id
            join points_activity a on a.id = s.activity_id
            where e.community_code = ? and f.month = ?
            order by e.name, s.building_code, s.room, f.id""")
            .params(community, month.toString())
            .query(
                (rs, n) ->
                    new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        cipher.decrypt(rs.getBytes(6)),
                        PhoneNumbers.mask(cipher.decrypt(rs.getBytes(7))),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getInt(10)))
            .list();
    return new Statement(
        community,
        month.toString(),
        lines.size(),
        lines.stream().map(Line::hours).reduce(BigDecimal.ZERO, BigDecimal::add),
        lines.stream().mapToInt(Line::amountFen).sum(),
        lines);
  }
}
