package io.linli.consultation;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The link between a grievance and the topic a grid worker turned it into, read from the case
 * layer: the topic's case_file names the grievance as its origin, and the grievance's own view asks
 * the case layer which cases were made from it. Nothing here reads the grievance flow's tables.
 */
@Repository
public class TopicLinks {

  private final CaseFiles files;

  TopicLinks(CaseFiles files) {
    this.files = files;
  }

  /** The number of the topic made from this grievance, if any. */
  public Optional<String> topicOf(String grievanceCaseNo) {
    return files.derivedFrom(grievanceCaseNo).stream()
        .filter(n -> files.find(ConsultationProcess.FLOW, n).isPresent())
        .findFirst();
  }

  /** Where a grievance is, from its case_file. */
  record Grievance(String caseNo, String communityCode, String estateCode) {}

  Optional<Grievance> grievance(String flow, String caseNo) {
    return files
        .find(flow, caseNo)
        .map((CaseFile c) -> new Grievance(c.caseNo(), c.communityCode(), c.estateCode()));
  }
}
