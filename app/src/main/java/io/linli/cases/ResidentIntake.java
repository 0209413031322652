package io.linli.cases;

import java.util.List;
import java.util.Optional;

/**
 * A flow residents ask through other systems (Open311): the services it offers and how a request
 * becomes one of its cases. The flow implements it in its own package; Open311 offers every
 * implementation's services and never names a flow.
 */
public interface ResidentIntake {

  /**
   * A service residents may ask for.
   *
   * @param code Open311's service_code, stored as case_file.service_code
   * @param keywords comma-separated
   * @param group what the services are grouped under, e.g. 居民诉求
   */
  record Service(String code, String name, String description, String keywords, String group) {}

  /**
   * A request to submit: text already cleaned and checked, the location as codes (either may be
   * null), the phone E.164 or null.
   *
   * @param channel how it came, e.g. {@code API}
   */
  record Submission(
      String serviceCode,
      String communityCode,
      String estateCode,
      String buildingCode,
      String description,
      String contactName,
      String phoneE164,
      String channel) {}

  /** The flow's key ({@link Flow#key()}). */
  String flow();

  /** The services offered now, in the order clients list them. */
  List<Service> services();

  /** Whether {@code serviceCode} is one of this flow's services (offered now or not). */
  boolean offers(String serviceCode);

  /**
   * Makes the case, as the flow's own intake does; a refusal is an {@code ApiError} naming the
   * field.
   *
   * @return the case number
   */
  String submit(Submission submission);

  /** The name of a service by its code, also of one no longer offered. */
  Optional<String> serviceName(String serviceCode);

  /** Who handles the cases, as clients read it (Open311's agency_responsible). */
  String agency();

  /** What the flow adds to a case's status for requesters (e.g. its tier), or null. */
  default String statusNote(String caseNo) {
    return null;
  }
}
