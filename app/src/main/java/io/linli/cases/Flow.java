package io.linli.cases;

import io.linli.caselog.CaseEventCatalog;
import io.linli.sla.SlaDeclarations;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case flow as the shared mechanisms see it. Each flow implements it once, as a bean in its own
 * package; the mechanisms (SLA, escalation, notifications, case log, access, intake, supervision,
 * Open311, the resident page) iterate over the registered flows ({@link Flows}) and never name one.
 * A new flow arrives with its package, its model and its forms: nothing else changes.
 *
 * <p>Its clocks and windows ({@link SlaDeclarations}) and its event kinds ({@link
 * CaseEventCatalog}) are declared here too.
 */
public interface Flow extends SlaDeclarations, CaseEventCatalog {

  /** As the ledger, the case log and case_file store it, e.g. {@code GRIEVANCE}. */
  @Override
  String key();

  /** The case number's prefix, e.g. {@code GR} for GR-2026-000001. */
  String caseNoPrefix();

  /** What a resident calls one case of this flow in a notice: 案件, 服务单, 议题. */
  String noun();

  /** The flow's name for supervisors: 居民诉求, 服务单, 议事协商. */
  String label();

  /** The case API's root; one case is {@code apiPath() + "/" + caseNo}. */
  String apiPath();

  /** Status code → 中文, as case_file.status stores the code. */
  Map<String, String> statusLabels();

  /** Category code → 中文, as case_file.category stores the code. */
  Map<String, String> categories();

  /** The resident page's name for this flow's category list, or null when it offers none. */
  default String categoryOptions() {
    return null;
  }

  /** Whether its cases count in the on-time, satisfaction and rectification rates. */
  default boolean inRates() {
    return false;
  }

  /**
   * What residents reach without an account in the {@code keycloak} profile, as {@code "METHOD
   * /ant/pattern"}: intake and the calls that carry their own proof (the phone of 查询进度, the case's
   * watch token). Everything else of the flow needs a staff token.
   */
  default List<String> anonymousEndpoints() {
    return List.of();
  }

  /** Whether residents follow its cases on the resident page (查询进度) with their phone. */
  default boolean residentTracked() {
    return true;
  }

  /** Statuses of a case that ended without being worked (merged, rejected): left out of reports. */
  default Set<String> withdrawnStatuses() {
    return Set.of();
  }

  default String statusLabel(String status) {
    return statusLabels().getOrDefault(status, status);
  }

  default String categoryLabel(String category) {
    return category == null ? null : categories().getOrDefault(category, category);
  }
}
