package io.linli.points;

import io.linli.caselog.CaseEventRecorded;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.intake.ContactCipher;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Earning from what residents do in the flows, by the rules of {@link PointsProperties}: a case
 * event named by a case rule earns the case's resident (the phone left with the case, encrypted in
 * case_file); a completed user task named by a task rule earns its assignee (a realm account). Both
 * run inside the writing transaction (the case log publishes its events there; the engine's task
 * events run in its command), so points exist exactly when the flow's step commits. A voiding event
 * marks the case: it earns nothing more, and what it earned is taken back as far as the balance
 * allows. Every earning names its cause (flow, case, rule), so a repeated event earns once.
 */
@Component
class Earnings {

  private static final Logger log = LoggerFactory.getLogger(Earnings.class);

  private final PointsProperties rules;
  private final Ledger ledger;
  private final Residents residents;
  private final CaseFiles files;
  private final ContactCipher cipher;
  private final JdbcClient jdbc;

  Earnings(
      PointsProperties rules,
      Ledger ledger,
      Residents residents,
      CaseFiles files,
      ContactCipher cipher,
      JdbcClient jdbc) {
    this.rules = rules;
    this.ledger = ledger;
    this.residents = residents;
    this.files = files;
    this.cipher = cipher;
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CaseEventRecorded e) {
    String kind = e.flow() + ":" + e.type().name();
    if (rules.voidingEvents().stream().anyMatch(kind::equalsIgnoreCase)) {
      voidCase(e.flow(), e.caseNo(), e.type().name());
      return;
    }
    for (PointsProperties.CaseRule r : rules.caseRules()) {
      if (r.flow().equalsIgnoreCase(e.flow()) && r.event().equals(e.type().name())) earn(r, e);
    }
  }

  private void earn(PointsProperties.CaseRule rule, CaseEventRecorded e) {
    if (voided(e.flow(), e.caseNo())) return;
    Optional<CaseFile> file = files.find(e.caseNo());
    Optional<byte[]> phone = files.contactPhone(e.caseNo());
    if (file.isEmpty() || phone.isEmpty()) return; // reported without a phone: nobody to credit
    String community = file.get().communityCode();
    String e164;
    try {
      e164 = cipher.decrypt(phone.get());
    } catch (IllegalStateException unreadable) {
      // never let points break the flow's step: a contact this key cannot read earns nobody
      log.warn("case {}: contact not readable, no points", e.caseNo());
      return;
    }
    long account = ledger.resident(residents.phone(e164), community);
    int granted =
        ledger.earn(
            account,
            community,
            rule.key(),
            cause(e.flow(), e.caseNo()) + rule.key(),
            rule.points(),
            rules.dailyCap(),
            rules.monthlyCap(),
            e.caseNo());
    log.debug("case {} earned {} points by rule {}", e.caseNo(), granted, rule.key());
  }

  private void voidCase(String flow, String caseNo, String event) {
    jdbc.sql(
            """
            insert into points_voided_case (flow, case_no, event, voided_at) values (?, ?, ?, ?)
            on conflict do nothing""")
        .params(flow, caseNo, event, Timestamp.from(Times.now()))
        .update();
    int back = ledger.reverse(cause(flow, caseNo), "案件被认定为重复或无效反映，积分收回 " + caseNo);
    if (back > 0) log.info("case {} voided by {}: {} points taken back", caseNo, event, back);
  }

  boolean voided(String flow, String caseNo) {
    return jdbc.sql("select count(*) from points_voided_case where flow = ? and case_no = ?")
            .params(flow, caseNo)
            .query(Long.class)
            .single()
        > 0;
  }

  static String cause(String flow, String caseNo) {
    return "case:" + flow + ":" + caseNo + ":";
  }

  /**
   * The engine's task events (Spring eventing bridge, in the engine's command): a completed task
   * named by a task rule earns its assignee. The case is the process's business key.
   */
  @EventListener(condition = "#task.eventName == 'complete'")
  void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) || task.getAssignee() == null)
      return;
    String process =
        task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":", 2)[0];
    for (PointsProperties.TaskRule r : rules.taskRules()) {
      if (!r.process().equals(process) || !r.task().equals(task.getTaskDefinitionKey())) continue;
      String caseNo =
          task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
      Optional<CaseFile> file = caseNo == null ? Optional.empty() : files.find(caseNo);
      if (file.isEmpty() || voided(file.get().flow(), caseNo)) continue;
      String community = file.get().communityCode();
      long account = ledger.resident(residents.user(task.getAssignee()), community);
      ledger.earn(
          account,
          community,
          r.key(),
          "task:" + task.getId() + ":" + r.key(),
          r.points(),
          rules.dailyCap(),
          rules.monthlyCap(),
          caseNo);
    }
  }
}
