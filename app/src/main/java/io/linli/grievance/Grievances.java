package io.linli.grievance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grievance flow as other features (Open311) see it: report a case, read what a resident may
 * read of it. No personal data leaves through here.
 */
@Service
public class Grievances {

  private final GrievanceIntake intake;
  private final GrievanceStatusView statusView;
  private final JdbcClient jdbc;

  Grievances(GrievanceIntake intake, GrievanceStatusView statusView, JdbcClient jdbc) {
    this.intake = intake;
    this.statusView = statusView;
    this.jdbc = jdbc;
  }

  /** One deadline: clock label, due time, OPEN / MET / BREACHED. */
  public record Deadline(String label, Instant dueAt, String state) {}

  /** What a resident may read of a case, plus its public text. */
  public record Summary(
      String caseNo, String communityCode, Category category, String status, String statusLabel,
      String tierLabel, Instant reportedAt, Instant updatedAt, String description,
      String locationLabel, List<Deadline> deadlines) {

    public boolean closed() {
      return GrievanceStatus.CLOSED.name().equals(status);
    }
  }

  /**
   * Reports a grievance (text already cleaned, phone E.164 or null).
   *
   * @return the case number
   */
  @Transactional
  public String report(String communityCode, String estateCode, String buildingCode,
      Category category, String description, String contactName, String phoneE164, Channel channel) {
    return intake.report(new GrievanceIntake.Report(communityCode, estateCode, buildingCode,
        category, description, contactName, phoneE164, channel, null)).caseNo();
  }

  @Transactional(readOnly = true)
  public Optional<Summary> summary(String caseNo) {
    record Extra(String community, String description, String estate, String building) {}
    Optional<Extra> extra = jdbc.sql("""
            select g.community_code, g.description, e.name, b.name from grievance_case g
            left join estate e on e.id = g.estate_id left join building b on b.id = g.building_id
            where g.case_no = ?""")
        .param(caseNo)
        .query((rs, n) -> new Extra(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
    if (extra.isEmpty()) return Optional.empty();
    GrievanceStatusView.Status s = statusView.of(caseNo);
    Instant updated = s.history().isEmpty() ? s.reportedAt()
        : s.history().get(s.history().size() - 1).at();
    Extra x = extra.get();
    String location = x.estate() == null ? null : x.estate() + (x.building() == null ? "" : x.building());
    return Optional.of(new Summary(s.caseNo(), x.community(), Category.valueOf(s.category()),
        s.status(), s.statusLabel(), s.tierLabel(), s.reportedAt(), updated, x.description(),
        location,
        s.deadlines().stream().map(d -> new Deadline(d.label(), d.dueAt(), d.state())).toList()));
  }

  /** Case numbers of a community reported in [from, to), newest first. */
  @Transactional(readOnly = true)
  public List<String> caseNos(String communityCode, Instant from, Instant to, int limit) {
    return jdbc.sql("""
            select case_no from grievance_case
            where community_code = ? and reported_at >= ? and reported_at < ?
            order by reported_at desc, id desc limit ?""")
        .params(communityCode, Timestamp.from(from), Timestamp.from(to), limit)
        .query(String.class).list();
  }
}
