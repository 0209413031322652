package io.linli.cases;

import java.time.Instant;

/**
 * One case of any flow as the shared mechanisms read it (case_file): where it is, who serves it,
 * its status and times. No personal data: the contact stays encrypted in the table.
 *
 * @param companyId the property company serving the estate when the case was reported
 * @param serviceCode what the resident asked for (the category, or a catalogue item)
 * @param originCaseNo the case this one was made from, if any
 */
public record CaseFile(
    String flow,
    long caseId,
    String caseNo,
    String communityCode,
    Long estateId,
    String estateCode,
    String estateName,
    String buildingCode,
    String buildingName,
    Long companyId,
    String category,
    String serviceCode,
    String title,
    String status,
    Instant reportedAt,
    Instant closedAt,
    String processInstanceId,
    String originCaseNo,
    String rating,
    String followUpRating) {

  public boolean closed() {
    return closedAt != null;
  }

  /** 地铁首座小区3栋, or null when the case names no estate. */
  public String locationLabel() {
    return estateName == null ? null : estateName + (buildingName == null ? "" : buildingName);
  }
}
