package io.linli.grievance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting a grievance as the flow's Open311 adapter ({@link GrievanceResidentIntake}) uses it.
 * Reading a case goes through the case layer.
 */
@Service
public class Grievances {

  private final GrievanceIntake intake;

  Grievances(GrievanceIntake intake) {
    this.intake = intake;
  }

  /**
   * Reports a grievance (text already cleaned, phone E.164 or null).
   *
   * @return the case number
   */
  @Transactional
  public String report(
      String communityCode,
      String estateCode,
      String buildingCode,
      Category category,
      String description,
      String contactName,
      String phoneE164,
      Channel channel) {
    return intake
        .report(
            new GrievanceIntake.Report(
                communityCode,
                estateCode,
                buildingCode,
                category,
                description,
                contactName,
                phoneE164,
                channel,
                null))
        .caseNo();
  }
}
