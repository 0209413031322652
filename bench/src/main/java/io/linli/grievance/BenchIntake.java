package io.linli.grievance;

import org.springframework.context.ApplicationContext;

/**
 * The benchmark's door to Linli's own intake ({@link GrievanceIntake#report}): case row, process
 * instance and case event in one transaction, exactly as {@code POST /api/grievances} does, minus
 * HTTP. Used to fill the database with open cases from many threads.
 */
public final class BenchIntake {

  private final GrievanceIntake intake;

  public BenchIntake(ApplicationContext context) {
    this.intake = context.getBean(GrievanceIntake.class);
  }

  /**
   * @return the case number
   */
  public String report(String communityCode, String description) {
    return report(communityCode, null, null, description);
  }

  /**
   * @return the case number of a case in an estate's building (routed to the building's grid)
   */
  public String report(
      String communityCode, String estateCode, String buildingCode, String description) {
    return intake
        .report(
            new GrievanceIntake.Report(
                communityCode,
                estateCode,
                buildingCode,
                Category.ENVIRONMENT,
                description,
                "压测",
                null,
                Channel.API,
                null))
        .caseNo();
  }
}
