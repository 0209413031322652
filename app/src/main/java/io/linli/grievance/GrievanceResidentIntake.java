package io.linli.grievance;

import io.linli.cases.ResidentIntake;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Grievances for Open311: one service per category, reported through {@link Grievances}. */
@Component
class GrievanceResidentIntake implements ResidentIntake {

  private final Grievances grievances;
  private final GrievanceStatusView statusView;

  GrievanceResidentIntake(Grievances grievances, GrievanceStatusView statusView) {
    this.grievances = grievances;
    this.statusView = statusView;
  }

  @Override
  public String flow() {
    return GrievanceProcess.FLOW;
  }

  @Override
  public List<Service> services() {
    return Arrays.stream(Category.values())
        .map(c -> new Service(c.name(), c.label(), "居民诉求：" + c.label(), "诉求," + c.label(), "居民诉求"))
        .toList();
  }

  @Override
  public boolean offers(String serviceCode) {
    return category(serviceCode).isPresent();
  }

  @Override
  public String submit(Submission s) {
    return grievances.report(
        s.communityCode(),
        s.estateCode(),
        s.buildingCode(),
        category(s.serviceCode()).orElseThrow(),
        s.description(),
        s.contactName(),
        s.phoneE164(),
        Channel.valueOf(s.channel()));
  }

  @Override
  public Optional<String> serviceName(String serviceCode) {
    return category(serviceCode).map(Category::label);
  }

  @Override
  public String agency() {
    return "物业服务中心";
  }

  /** 分级：中等问题, once the case has a tier (or the triage suggests one). */
  @Override
  public String statusNote(String caseNo) {
    String tier = statusView.of(caseNo).tierLabel();
    return tier == null ? null : "分级：" + tier;
  }

  private static Optional<Category> category(String code) {
    return Arrays.stream(Category.values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
