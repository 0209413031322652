package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.community.Location;
import io.linli.community.Locations;
import io.linli.identity.Role;
import io.linli.intake.ContactRedaction;
import io.linli.intake.PhoneNumbers;
import io.linli.notification.NotifyChannel;
import io.linli.notification.Subscriptions;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上报: a grievance becomes a case row and a process instance in one transaction, so there is never a
 * case without its flow or a flow without its case.
 */
@Service
class GrievanceIntake {

  static final int SUMMARY_LENGTH = 200;

  private final Locations locations;
  private final GrievanceCases cases;
  private final CaseLog caseLog;
  private final RuntimeService runtime;
  private final Subscriptions subscriptions;

  GrievanceIntake(
      Locations locations,
      GrievanceCases cases,
      CaseLog caseLog,
      RuntimeService runtime,
      Subscriptions subscriptions) {
    this.locations = locations;
    this.cases = cases;
    this.caseLog = caseLog;
    this.runtime = runtime;
    this.subscriptions = subscriptions;
  }

  record Report(
      String communityCode,
      String estateCode,
      String buildingCode,
      Category category,
      String description,
      String contactName,
      String contactPhone,
      Channel channel,
      String recordedBy,
      Set<NotifyChannel> notifyBy,
      String contactEmail) {

    /**
     * @param contactPhone E.164 (see {@link PhoneNumbers#toE164}) or null
     */
    Report {
      notifyBy = notifyBy == null ? Set.of() : Set.copyOf(notifyBy);
    }

    /** A report without notification choices (staff entry, tests). */
    Report(
        String communityCode,
        String estateCode,
        String buildingCode,
        Category category,
        String description,
        String contactName,
        String contactPhone,
        Channel channel,
        String recordedBy) {
      this(
          communityCode,
          estateCode,
          buildingCode,
          category,
          description,
          contactName,
          contactPhone,
          channel,
          recordedBy,
          Set.of(),
          null);
    }
  }

  record Receipt(String caseNo, GrievanceStatus status) {}

  @Transactional
  Receipt report(Report r) {
    Location location = locations.locate(r.communityCode(), r.estateCode(), r.buildingCode());
    Instant now = Times.now();
    GrievanceCases.Row row =
        cases.insert(
            new GrievanceCases.NewCase(
                r.communityCode(),
                location.estateId(),
                location.buildingId(),
                r.category(),
                r.description(),
                r.contactName(),
                r.contactPhone(),
                r.channel(),
                r.recordedBy(),
                now));
    // Subscriptions first: the RECEIVED event below already notifies on the chosen channels.
    subscriptions.subscribeChosen(
        GrievanceProcess.FLOW, row.caseNo(), r.notifyBy(), r.contactPhone(), r.contactEmail());

    Map<String, Object> vars = new HashMap<>();
    vars.put(GrievanceVariables.CASE_ID, row.id());
    vars.put(GrievanceVariables.CASE_NO, row.caseNo());
    vars.put(GrievanceVariables.COMMUNITY_CODE, r.communityCode());
    vars.put(GrievanceVariables.LOCATION_LABEL, location.label());
    vars.put(GrievanceVariables.SUMMARY, ContactRedaction.mask(summary(r.description())));
    vars.put(GrievanceVariables.REPORTED_AT, Date.from(now));
    vars.put(GrievanceVariables.CHANNEL, r.channel().name());
    vars.put(GrievanceVariables.CATEGORY, r.category().name());
    vars.put(GrievanceVariables.CATEGORY_LABEL, r.category().label());
    vars.put(GrievanceVariables.REWORK_COUNT, 0);
    if (r.contactPhone() != null) {
      vars.put(GrievanceVariables.CONTACT_PHONE_MASKED, PhoneNumbers.mask(r.contactPhone()));
    }
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(GrievanceProcess.KEY, row.caseNo(), vars);
    cases.setProcessInstance(row.id(), pi.getId());

    String by = r.channel().staffEntered() ? "工作人员代登记（" + r.channel().label() + "）" : null;
    caseLog.record(
        GrievanceProcess.FLOW,
        row.caseNo(),
        GrievanceEvent.RECEIVED,
        r.channel().staffEntered() ? Role.GRID_WORKER.label() : Role.RESIDENT.label(),
        by);
    return new Receipt(row.caseNo(), GrievanceStatus.TRIAGE);
  }

  static String summary(String description) {
    String d = description.strip();
    if (d.codePointCount(0, d.length()) <= SUMMARY_LENGTH) return d;
    return d.substring(0, d.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
  }
}
