package io.linli.grievance;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/grievances/{caseNo}/duplicates}: the likely originals of a case ({@link
 * GrievanceDuplicates}), for the community's staff, the street committee above and supervisors;
 * anyone else (a resident with the case's watch token included) gets 404.
 */
@RestController
class GrievanceDuplicateController {

  private final GrievanceDuplicates duplicates;
  private final CaseFiles files;
  private final StaffReach reach;

  GrievanceDuplicateController(GrievanceDuplicates duplicates, CaseFiles files, StaffReach reach) {
    this.duplicates = duplicates;
    this.files = files;
    this.reach = reach;
  }

  @GetMapping("/api/grievances/{caseNo}/duplicates")
  List<GrievanceDuplicates.Candidate> duplicates(@PathVariable String caseNo) {
    CaseFile c =
        files
            .find(GrievanceProcess.FLOW, caseNo)
            .filter(
                f ->
                    reach.inCommunity(
                            f.communityCode(),
                            Role.GRID_WORKER,
                            Role.PROPERTY_STAFF,
                            Role.COMMUNITY_COMMITTEE)
                        || reach.streetAbove(f.communityCode())
                        || reach.supervisor())
            .orElseThrow(() -> ApiError.notFound("没有这个诉求：" + caseNo));
    return duplicates.of(c.caseNo());
  }
}
