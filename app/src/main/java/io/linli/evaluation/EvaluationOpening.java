package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.community.CommunityDirectory;
import io.linli.community.EstateRoster;
import io.linli.community.Location;
import io.linli.community.Locations;
import io.linli.identity.Role;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens evaluations: one estate (社区党委), or every estate of a street at once (街道党工委). Each writes
 * its row, its roll, its case_file row and starts its process in one transaction; a second call for
 * the same estate, company and year answers the evaluation already open.
 */
@Service
class EvaluationOpening {

  private final Locations locations;
  private final CommunityDirectory directory;
  private final EstateRoster roster;
  private final Evaluations evaluations;
  private final EvaluationProperties rules;
  private final CaseFiles files;
  private final CaseLog caseLog;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  EvaluationOpening(
      Locations locations,
      CommunityDirectory directory,
      EstateRoster roster,
      Evaluations evaluations,
      EvaluationProperties rules,
      CaseFiles files,
      CaseLog caseLog,
      RuntimeService runtime,
      JdbcClient jdbc) {
    this.locations = locations;
    this.directory = directory;
    this.roster = roster;
    this.evaluations = evaluations;
    this.rules = rules;
    this.files = files;
    this.caseLog = caseLog;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /** An opened (or already open) evaluation; {@code created} is false for the one already open. */
  record Opened(
      String evaluationNo, String estateCode, String estateName, boolean created, int eligible) {}

  /** A street-wide opening: what was opened and which estates were left out, and why. */
  record StreetOpening(List<Opened> opened, List<Skipped> skipped) {}

  record Skipped(String estateCode, String estateName, String reason) {}

  static void checkYear(Integer year) {
    int now = Year.now(Times.BEIJING).getValue();
    if (year == null) throw ApiError.invalid("year", "请填写考评年度");
    if (year < 2000 || year > now) throw ApiError.invalid("year", "考评年度须在2000年至" + now + "年之间");
  }

  @Transactional
  Opened open(String communityCode, String estateCode, int year, String openedBy) {
    checkYear(year);
    if (estateCode == null || estateCode.isBlank()) throw ApiError.invalid("estateCode", "请选择小区");
    Location where = locations.locate(communityCode, estateCode, null);
    Long company =
        companyOf(where.estateId())
            .orElseThrow(() -> ApiError.invalid("estateCode", "该小区没有登记物业服务企业"));
    List<String> roll = roster.representatives(where.estateId());
    if (roll.isEmpty()) throw ApiError.invalid("estateCode", "该小区没有楼栋代表名册，无法考评");
    return open(where, estateCode, company, year, roll, openedBy);
  }

  @Transactional
  StreetOpening openForStreet(String streetCode, int year, String openedBy) {
    checkYear(year);
    if (directory.communities().stream().noneMatch(c -> c.streetCode().equals(streetCode))) {
      throw ApiError.invalid("streetCode", "未知街道：" + streetCode);
    }
    List<Opened> opened = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (var e : estatesOfStreet(streetCode)) {
      if (e.companyId() == null) {
        skipped.add(new Skipped(e.code(), e.name(), "没有登记物业服务企业"));
        continue;
      }
      List<String> roll = roster.representatives(e.id());
      if (roll.isEmpty()) {
        skipped.add(new Skipped(e.code(), e.name(), "没有楼栋代表名册"));
        continue;
      }
      Location where = locations.locate(e.communityCode(), e.code(), null);
      opened.add(open(where, e.code(), e.companyId(), year, roll, openedBy));
    }
    return new StreetOpening(opened, skipped);
  }

  private Opened open(
      Location where,
      String estateCode,
      long company,
      int year,
      List<String> roll,
      String openedBy) {
    Instant now = Times.now();
    String community = where.community().code();
    Optional<Long> inserted =
        evaluations.insert(community, where.estateId(), company, year, openedBy, now, roll.size());
    if (inserted.isEmpty()) {
      var existing = evaluations.find(where.estateId(), company, year).orElseThrow();
      return new Opened(
          existing.evaluationNo(), estateCode, where.estateName(), false, existing.eligible());
    }
    long id = inserted.get();
    evaluations.addRoll(id, roll);
    var ev = evaluations.find(id).orElseThrow();
    String title = year + "年度综合考评：" + ev.companyName() + "（" + where.estateName() + "）";
    files.open(
        new CaseFiles.NewCase(
            EvaluationFlow.KEY,
            id,
            ev.evaluationNo(),
            community,
            where.estateId(),
            null,
            "ANNUAL",
            null,
            title,
            EvaluationState.SCORING.name(),
            now,
            null,
            null,
            null));
    Map<String, Object> vars = new HashMap<>();
    vars.put(EvaluationVariables.CASE_ID, id);
    vars.put(EvaluationVariables.CASE_NO, ev.evaluationNo());
    vars.put(EvaluationVariables.COMMUNITY_CODE, community);
    vars.put(EvaluationVariables.SUMMARY, title);
    vars.put(EvaluationVariables.LOCATION_LABEL, where.label());
    vars.put(EvaluationVariables.OPENED_AT, Date.from(now));
    for (int n = 1; n <= EvaluationProperties.ASPECT_COUNT; n++) {
      var a = rules.aspect(n);
      vars.put(
          EvaluationVariables.aspect(n),
          n + ". " + a.name() + "（权重" + a.weight().stripTrailingZeros().toPlainString() + "）");
    }
    var pi = runtime.startProcessInstanceByKey(EvaluationProcess.KEY, ev.evaluationNo(), vars);
    evaluations.setProcessInstance(id, pi.getId());
    files.setProcessInstance(EvaluationFlow.KEY, id, pi.getId());
    caseLog.record(
        EvaluationFlow.KEY,
        ev.evaluationNo(),
        EvaluationEvent.OPENED,
        Role.COMMUNITY_COMMITTEE.label(),
        roll.size() + "名楼栋代表参加评分");
    return new Opened(ev.evaluationNo(), estateCode, where.estateName(), true, roll.size());
  }

  private Optional<Long> companyOf(long estateId) {
    return jdbc.sql(
            "select property_company_id from estate where id = ? and property_company_id is not null")
        .param(estateId)
        .query(Long.class)
        .optional();
  }

  private record StreetEstate(
      long id, String code, String name, String communityCode, Long companyId) {}

  private List<StreetEstate> estatesOfStreet(String streetCode) {
    return jdbc.sql(
            """
            select e.id, e.code, e.name, e.community_code, e.property_company_id
            from estate e join community c on c.code = e.community_code
            where c.street_code = ? order by e.community_code, e.code""")
        .param(streetCode)
        .query(
            (rs, n) ->
                new StreetEstate(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    (Long) rs.getObject(5)))
        .list();
  }
}
