package io.linli.points;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The points economy's rules, from {@code linli.points.*}: which events earn how many points, the
 * caps, what voids a case's points, the code and token lifetimes, the volunteer-hour rate and the
 * estates that run 绿能卡. The points package knows no flow: the rules name the flows' event kinds and
 * tasks here.
 *
 * @param caseRules a case event that earns the case's resident (the phone left with the case)
 * @param taskRules a completed user task that earns its assignee (a realm account)
 * @param voidingEvents {@code flow:EVENT} kinds that void a case: it earns nothing, and what it
 *     earned is taken back (as far as the balance allows)
 * @param dailyCap most points one account earns in a day (Beijing time), every rule together
 * @param monthlyCap most points one account earns in a calendar month
 * @param pointsPerHour points per volunteer hour recorded by an activity's organiser
 * @param codeTtl how long a redemption code is valid
 * @param walletTtl how long a wallet token (phone proven with a case) is valid
 * @param maxRedemption most points one redemption may spend
 * @param greenCard estates running 绿能卡 and the fee offset per volunteer hour
 * @param review thresholds of the supervision's list of unusual patterns
 */
@ConfigurationProperties("linli.points")
record PointsProperties(
    @DefaultValue List<CaseRule> caseRules,
    @DefaultValue List<TaskRule> taskRules,
    @DefaultValue List<String> voidingEvents,
    @DefaultValue("50") int dailyCap,
    @DefaultValue("300") int monthlyCap,
    @DefaultValue("10") int pointsPerHour,
    @DefaultValue("PT5M") Duration codeTtl,
    @DefaultValue("P30D") Duration walletTtl,
    @DefaultValue("2000") int maxRedemption,
    @DefaultValue GreenCard greenCard,
    @DefaultValue Review review) {

  /** The rule key of volunteer hours (an activity's attendance). */
  static final String VOLUNTEER_RULE = "volunteer-hours";

  PointsProperties {
    if (dailyCap < 1 || monthlyCap < dailyCap) {
      throw new IllegalArgumentException("linli.points: need 1 <= daily-cap <= monthly-cap");
    }
    if (pointsPerHour < 1 || maxRedemption < 1) {
      throw new IllegalArgumentException(
          "linli.points: points-per-hour and max-redemption must be positive");
    }
    if (codeTtl.isNegative() || codeTtl.isZero() || walletTtl.isNegative() || walletTtl.isZero()) {
      throw new IllegalArgumentException("linli.points: code-ttl and wallet-ttl must be positive");
    }
    for (CaseRule r : caseRules) r.check();
    for (TaskRule r : taskRules) r.check();
    for (String v : voidingEvents) {
      if (!v.contains(":"))
        throw new IllegalArgumentException("linli.points.voiding-events: flow:EVENT, not " + v);
    }
  }

  /** E.g. key grievance-accepted, flow grievance, event TIER_SET, 10 points. */
  record CaseRule(String key, String label, String flow, String event, int points) {
    void check() {
      if (key == null
          || flow == null
          || event == null
          || label == null
          || points < 1
          || key.length() > 40) {
        throw new IllegalArgumentException(
            "linli.points.case-rules: key, label, flow, event and points > 0 each");
      }
    }
  }

  /** E.g. key consultation-vote, process Process_Consultation, task Task_Vote, 2 points. */
  record TaskRule(String key, String label, String process, String task, int points) {
    void check() {
      if (key == null
          || process == null
          || task == null
          || label == null
          || points < 1
          || key.length() > 40) {
        throw new IllegalArgumentException(
            "linli.points.task-rules: key, label, process, task and points > 0 each");
      }
    }
  }

  /**
   * @param estates estate codes running 绿能卡 @param fenPerHour the fee offset per hour, in fen
   */
  record GreenCard(@DefaultValue List<String> estates, @DefaultValue("1000") int fenPerHour) {
    boolean runs(String estateCode) {
      return estateCode != null && estates.contains(estateCode);
    }
  }

  /**
   * @param capDays an account at the daily cap on at least this many days of a month is listed
   * @param shopFactor a shop redeeming more than this many times the median of its community's
   *     shops in a month is listed (with at least {@code shopMinimum} points)
   */
  record Review(
      @DefaultValue("5") int capDays,
      @DefaultValue("3") int shopFactor,
      @DefaultValue("100") int shopMinimum) {}

  /** The label of a rule key, for the resident's history. */
  String label(String rule) {
    if (VOLUNTEER_RULE.equals(rule)) return "志愿服务时长";
    for (CaseRule r : caseRules) if (r.key().equals(rule)) return r.label();
    for (TaskRule r : taskRules) if (r.key().equals(rule)) return r.label();
    return rule;
  }
}
