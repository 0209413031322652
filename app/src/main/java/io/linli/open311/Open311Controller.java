package io.linli.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.cases.ResidentIntake;
import io.linli.community.CommunityDirectory;
import io.linli.intake.IdempotentIntake;
import io.linli.intake.PhoneNumbers;
import io.linli.sla.ClockStates;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import io.linli.system.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 over every flow that takes residents' requests ({@link ResidentIntake}):
 * services are what each offers (e.g. grievance categories, group 居民诉求; catalogue items, group
 * 便民服务); {@code jurisdiction_id} is the community code, {@code service_request_id} the case number,
 * {@code address_id} an estate code or {@code estate.building}. Requests are read from case_file
 * and the SLA ledger: {@code expected_datetime} is the latest due time of a clock still running or
 * breached; {@code status_notes} carries the status, what the flow adds (the tier) and the state of
 * each deadline. The resident's description and contact details are not listed back. POST honours
 * {@code Idempotency-Key} like the app's own intake.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  /** The most requests one list answer carries. */
  static final int MAX_REQUESTS = 1000;

  private static final String SERVICE_CODE = "{code:[A-Za-z0-9_-]+}";

  /** The intakes by flow key, in a fixed order (by key) so the service list is stable. */
  private final List<ResidentIntake> intakes;

  private final Flows flows;
  private final CaseFiles files;
  private final ClockStates clocks;
  private final CommunityDirectory directory;
  private final IdempotentIntake idempotency;
  private final ObjectMapper json;
  private final RequestLocations locations;

  Open311Controller(
      List<ResidentIntake> intakes,
      Flows flows,
      CaseFiles files,
      ClockStates clocks,
      CommunityDirectory directory,
      IdempotentIntake idempotency,
      ObjectMapper json,
      RequestLocations locations) {
    this.intakes = intakes.stream().sorted(Comparator.comparing(ResidentIntake::flow)).toList();
    this.flows = flows;
    this.files = files;
    this.clocks = clocks;
    this.locations = locations;
    this.directory = directory;
    this.idempotency = idempotency;
    this.json = json;
  }

  @GetMapping({"/services", "/services.{format:json|xml}"})
  ResponseEntity<String> services(
      @PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    jurisdiction(jurisdiction);
    List<Map<String, Object>> services = new ArrayList<>();
    for (ResidentIntake intake : intakes) {
      for (ResidentIntake.Service v : intake.services()) {
        services.add(service(v.code(), v.name(), v.description(), v.keywords(), v.group()));
      }
    }
    return Open311Format.answer(
        200, Open311Format.xml(format, accept), "services", "service", services, json);
  }

  private static Map<String, Object> service(
      String code, String name, String description, String keywords, String group) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", code);
    m.put("service_name", name);
    m.put("description", description);
    m.put("metadata", false);
    m.put("type", "realtime");
    m.put("keywords", keywords);
    m.put("group", group);
    return m;
  }

  @GetMapping({"/services/" + SERVICE_CODE, "/services/" + SERVICE_CODE + ".{format:json|xml}"})
  ResponseEntity<String> service(
      @PathVariable String code,
      @PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    jurisdiction(jurisdiction);
    if (intake(code).isEmpty()) throw ApiError.notFound("没有这个服务：" + code);
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", code);
    definition.put("attributes", List.of());
    boolean xml = Open311Format.xml(format, accept);
    if (!xml)
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(definition));
    ResponseEntity<String> wrapped =
        Open311Format.answer(200, true, "x", "service_definition", List.of(definition), json);
    String body = wrapped.getBody().replace("<x>", "").replace("</x>", "");
    return ResponseEntity.ok().contentType(wrapped.getHeaders().getContentType()).body(body);
  }

  @PostMapping(
      path = {"/requests", "/requests.{format:json|xml}"},
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> post(
      @PathVariable(required = false) String format,
      @RequestBody MultiValueMap<String, String> form,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    // The text rule on every form field before anything reads it (the form is not bound).
    form.forEach(
        (name, values) -> {
          TextInput.clean("form", name);
          values.replaceAll(v -> TextInput.clean(name, v));
        });
    String body = new java.util.TreeMap<>(form).toString();
    IdempotentIntake.Answer answer =
        idempotency.once("open311", idempotencyKey, body, () -> create(form));
    boolean xml = Open311Format.xml(format, accept);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", answer.body());
    m.put("service_notice", "已受理，请凭案件编号查询办理进度");
    m.put("account_id", null);
    return Open311Format.answer(
        answer.status(), xml, "service_requests", "request", List.of(m), json);
  }

  /**
   * @return the case number
   */
  private String create(MultiValueMap<String, String> form) {
    String community = jurisdiction(form.getFirst("jurisdiction_id"));
    String code = form.getFirst("service_code");
    if (code == null || code.isBlank()) throw ApiError.invalid("service_code", "缺少 service_code");
    ResidentIntake intake =
        intake(code).orElseThrow(() -> ApiError.invalid("service_code", "没有这个服务：" + code));
    String description = TextInput.clean("description", form.getFirst("description"));
    if (description == null || description.isBlank())
      throw ApiError.invalid("description", "请描述问题");
    if (description.length() > 2000) throw ApiError.invalid("description", "问题描述不能超过2000字");
    String addressId = TextInput.clean("address_id", form.getFirst("address_id"));
    String address = TextInput.clean("address_string", form.getFirst("address_string"));
    RequestLocations.LatLong at =
        RequestLocations.parse(form.getFirst("lat"), form.getFirst("long"));
    boolean located = addressId != null || address != null || at != null;
    if (!located)
      throw ApiError.invalid("address_id", "须提供位置：address_id、address_string 或 lat/long");
    String estate = null;
    String building = null;
    if (addressId != null) {
      String[] parts = addressId.split("\\.", 2);
      estate = parts[0];
      building = parts.length > 1 ? parts[1] : null;
    }
    if (address != null && address.length() > 200)
      throw ApiError.invalid("address_string", "地址不能超过200字");
    if (address != null) description = description + "\n（地址：" + address + "）";
    String name =
        String.join(
            "",
            Objects.requireNonNullElse(
                TextInput.clean("last_name", form.getFirst("last_name")), ""),
            Objects.requireNonNullElse(
                TextInput.clean("first_name", form.getFirst("first_name")), ""));
    if (name.length() > 50)
      throw ApiError.invalid("last_name", "姓名（first_name 与 last_name）合计不能超过50字");
    String phone = PhoneNumbers.toE164("phone", TextInput.clean("phone", form.getFirst("phone")));
    String number =
        intake.submit(
            new ResidentIntake.Submission(
                code,
                community,
                estate,
                building,
                description,
                name.isBlank() ? null : name,
                phone,
                "API"));
    if (at != null) locations.save(intake.flow(), number, at);
    return number;
  }

  @GetMapping({"/requests", "/requests.{format:json|xml}"})
  ResponseEntity<String> requests(
      @PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCode,
      @RequestParam(name = "start_date", required = false) String start,
      @RequestParam(name = "end_date", required = false) String end,
      @RequestParam(name = "status", required = false) String status,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    String community = jurisdiction(jurisdiction);
    if (status != null) {
      for (String st : status.split(",")) {
        if (!st.strip().equals("open") && !st.strip().equals("closed")) {
          throw ApiError.invalid("status", "取值无效，可选：open, closed");
        }
      }
    }
    List<String> numbers;
    if (ids != null && !ids.isBlank()) {
      numbers = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    } else {
      Instant to = end == null ? Times.now().plusSeconds(1) : instant("end_date", end);
      Instant from =
          start == null ? to.minusSeconds(90L * 24 * 3600) : instant("start_date", start);
      numbers =
          files.caseNos(
              intakes.stream().map(ResidentIntake::flow).toList(),
              community,
              from,
              to,
              MAX_REQUESTS);
    }
    List<Map<String, Object>> out =
        numbers.stream()
            .map(n -> find(n, community))
            .flatMap(Optional::stream)
            .filter(
                m ->
                    serviceCode == null
                        || Arrays.asList(serviceCode.split(",")).contains(m.get("service_code")))
            .filter(
                m -> status == null || Arrays.asList(status.split(",")).contains(m.get("status")))
            .sorted(
                Comparator.comparing(
                        (Map<String, Object> m) -> (String) m.get("requested_datetime"))
                    .reversed())
            .limit(MAX_REQUESTS)
            .toList();
    return Open311Format.answer(
        200, Open311Format.xml(format, accept), "service_requests", "request", located(out), json);
  }

  @GetMapping({"/requests/{id:[A-Za-z0-9-]+}", "/requests/{id:[A-Za-z0-9-]+}.{format:json|xml}"})
  ResponseEntity<String> request(
      @PathVariable String id,
      @PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    String community = jurisdiction(jurisdiction);
    Map<String, Object> r =
        find(id, community).orElseThrow(() -> ApiError.notFound("没有这个服务请求：" + id));
    return Open311Format.answer(
        200,
        Open311Format.xml(format, accept),
        "service_requests",
        "request",
        located(List.of(r)),
        json);
  }

  /** The requests with the lat/long their Open311 client gave, where one did. */
  private List<Map<String, Object>> located(List<Map<String, Object>> requests) {
    Map<String, RequestLocations.LatLong> at =
        locations.of(requests.stream().map(m -> (String) m.get("service_request_id")).toList());
    if (at.isEmpty()) return requests;
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : requests) {
      RequestLocations.LatLong l = at.get((String) m.get("service_request_id"));
      if (l == null) {
        out.add(m);
        continue;
      }
      Map<String, Object> copy = new LinkedHashMap<>(m);
      copy.put("lat", l.lat().doubleValue());
      copy.put("long", l.lon().doubleValue());
      out.add(copy);
    }
    return out;
  }

  /** A case of the jurisdiction in a flow that takes requests, as an Open311 request. */
  private Optional<Map<String, Object>> find(String number, String community) {
    return files
        .find(number)
        .filter(c -> c.communityCode().equals(community))
        .flatMap(c -> intakeOf(c.flow()).map(intake -> request(c, intake)));
  }

  private Map<String, Object> request(CaseFile c, ResidentIntake intake) {
    Flow flow = flows.get(c.flow());
    String note = intake.statusNote(c.caseNo());
    String status = flow.statusLabel(c.status()) + (note == null ? "" : "；" + note);
    List<Due> dues =
        clocks.of(c.caseNo(), c.closed()).stream()
            .filter(k -> flows.clock(k.clock()).map(spec -> !spec.internal()).orElse(true))
            .map(k -> new Due(flows.clockLabel(k.clock()), k.dueAt(), k.state().name()))
            .toList();
    String serviceName =
        intake.serviceName(c.serviceCode()).orElseGet(() -> flow.categoryLabel(c.category()));
    return request(
        c.caseNo(),
        c.closed(),
        status,
        serviceName,
        c.serviceCode(),
        intake.agency(),
        c.reportedAt(),
        files.updatedAt(c),
        c.locationLabel(),
        dues);
  }

  /** A deadline: clock label, due time, OPEN / MET / LATE / BREACHED / STOPPED. */
  private record Due(String label, Instant dueAt, String state) {}

  /**
   * The GeoReport v2 request: {@code status_notes} is the status and each deadline's state, {@code
   * expected_datetime} the latest deadline still running or breached. No description, no contact.
   */
  private static Map<String, Object> request(
      String id,
      boolean closed,
      String status,
      String serviceName,
      String serviceCode,
      String agency,
      Instant requested,
      Instant updated,
      String address,
      List<Due> dues) {
    StringBuilder notes = new StringBuilder(status);
    for (Due d : dues) notes.append("；").append(deadlineNote(d.label(), d.dueAt(), d.state()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", id);
    m.put("status", closed ? "closed" : "open");
    m.put("status_notes", notes.toString());
    m.put("service_name", serviceName);
    m.put("service_code", serviceCode);
    m.put("description", null);
    m.put("agency_responsible", agency);
    m.put("service_notice", status);
    m.put("requested_datetime", iso(requested));
    m.put("updated_datetime", iso(updated));
    m.put(
        "expected_datetime",
        dues.stream()
            .filter(d -> "OPEN".equals(d.state()) || "BREACHED".equals(d.state()))
            .map(Due::dueAt)
            .max(Comparator.naturalOrder())
            .map(Open311Controller::iso)
            .orElse(null));
    m.put("address", address);
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", null);
    m.put("long", null);
    m.put("media_url", null);
    return m;
  }

  private static String deadlineNote(String label, Instant dueAt, String state) {
    String s =
        switch (state) {
          case "MET" -> "已按时完成";
          case "LATE" -> "已完成（超时）";
          case "BREACHED" -> "已超时，已督办";
          case "STOPPED" -> "已终止";
          case "PAUSED" -> "等待居民，暂停计时";
          default -> "进行中";
        };
    return dueAt == null ? label + ' ' + s : label + ' ' + Times.label(dueAt) + ' ' + s;
  }

  private String jurisdiction(String code) {
    if (code == null || code.isBlank()) {
      var all = directory.communities();
      if (all.size() == 1) return all.get(0).code();
      throw ApiError.invalid("jurisdiction_id", "须提供 jurisdiction_id（社区代码）");
    }
    return directory
        .community(code)
        .map(c -> c.code())
        .orElseThrow(() -> ApiError.notFound("没有这个辖区：" + code));
  }

  /** The intake offering the service {@code code}. */
  private Optional<ResidentIntake> intake(String code) {
    return intakes.stream().filter(i -> i.offers(code)).findFirst();
  }

  private Optional<ResidentIntake> intakeOf(String flow) {
    return intakes.stream().filter(i -> i.flow().equals(flow)).findFirst();
  }

  private static String iso(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, Times.BEIJING).toString();
  }

  /** The earliest and latest date a list may ask for; beyond them a date is a typo or a probe. */
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private static Instant instant(String field, String value) {
    Instant i;
    try {
      i = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(field, "须为带时区的 ISO 8601 时间，如 2026-11-22T08:00:00+08:00");
    }
    if (i.isBefore(EARLIEST) || i.isAfter(LATEST)) {
      throw ApiError.invalid(field, "须在 2000 年到 2100 年之间");
    }
    return i;
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
