package io.linli.serviceorder;

import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue: residents read it; property staff (物业服务中心, seed 000 runs the catalogue and
 * its fees) create, edit and retire items. It is one catalogue for every community, so the property
 * staff of any community edit it. The revision's {@code changedBy} is the acting user ({@link
 * ActingUser}: the token's user in the {@code keycloak} profile, where a body's {@code changedBy}
 * is ignored; in the default profile, which has no sign-in, the {@code X-Linli-User} header, else
 * the body's {@code changedBy}).
 */
@RestController
@RequestMapping("/api/service-catalogue")
class CatalogueController {

  static final String USER_HEADER = "X-Linli-User";

  private final Catalogue catalogue;
  private final CatalogueEditor editor;
  private final StaffReach reach;
  private final ActingUser actingUser;

  CatalogueController(
      Catalogue catalogue, CatalogueEditor editor, StaffReach reach, ActingUser actingUser) {
    this.catalogue = catalogue;
    this.editor = editor;
    this.reach = reach;
    this.actingUser = actingUser;
  }

  record ItemView(
      String code,
      String categoryCode,
      String name,
      String pricing,
      String pricingLabel,
      long referencePriceFen,
      String referencePrice,
      String unit,
      BigDecimal feeRate,
      String description,
      boolean retired,
      Instant retiredAt) {

    static ItemView of(Catalogue.Item i) {
      Catalogue.ItemFields f = i.fields();
      return new ItemView(
          i.code(),
          i.categoryCode(),
          f.name(),
          f.pricing().name(),
          f.pricing().label(),
          f.referencePriceFen(),
          Money.label(f.referencePriceFen()),
          f.unit(),
          f.feeRate(),
          f.description(),
          i.retired(),
          i.retiredAt());
    }
  }

  record CategoryView(
      String code, String name, String team, String teamLabel, List<ItemView> items) {}

  record CatalogueView(List<CategoryView> categories) {}

  @GetMapping
  CatalogueView catalogue(@RequestParam(defaultValue = "false") boolean includeRetired) {
    Map<String, List<ItemView>> items =
        catalogue.items(includeRetired).stream()
            .map(ItemView::of)
            .collect(Collectors.groupingBy(ItemView::categoryCode));
    return new CatalogueView(
        catalogue.categories().stream()
            .map(
                c ->
                    new CategoryView(
                        c.code(),
                        c.name(),
                        c.team().id(),
                        c.team().label(),
                        items.getOrDefault(c.code(), List.of())))
            .toList());
  }

  record RevisionView(
      int revision,
      String change,
      String name,
      String pricing,
      long referencePriceFen,
      String unit,
      BigDecimal feeRate,
      String note,
      String changedBy,
      Instant changedAt) {}

  record ItemDetail(ItemView item, List<RevisionView> revisions) {}

  @GetMapping("/items/{code}")
  ItemDetail item(@PathVariable String code) {
    Catalogue.Item item =
        catalogue.item(code).orElseThrow(() -> ApiError.notFound("没有这个服务项目：" + code));
    return new ItemDetail(
        ItemView.of(item),
        catalogue.revisions(code).stream()
            .map(
                r ->
                    new RevisionView(
                        r.revision(),
                        r.change(),
                        r.fields().name(),
                        r.fields().pricing().name(),
                        r.fields().referencePriceFen(),
                        r.fields().unit(),
                        r.fields().feeRate(),
                        r.note(),
                        r.changedBy(),
                        r.changedAt()))
            .toList());
  }

  /**
   * @param referencePriceFen reference price in fen (0 for volunteer items)
   * @param feeRate the centre's management fee, 0.05 to 0.10 (seed 000: 5%—10%)
   * @param changedBy who makes the change, read only in the default profile without the {@code
   *     X-Linli-User} header
   */
  record ItemRequest(
      @Size(max = 24) String categoryCode,
      @NotBlank(message = "请填写服务项目名称") @Size(max = 100, message = "名称不能超过100字") String name,
      @NotNull(message = "请选择收费方式") Pricing pricing,
      @NotNull(message = "请填写参考价（分）")
          @PositiveOrZero(message = "参考价不能为负数")
          @Max(value = Money.MAX_FEN, message = "参考价超出上限")
          Long referencePriceFen,
      @NotBlank(message = "请填写计价单位") @Size(max = 16, message = "计价单位不能超过16字") String unit,
      @NotNull(message = "请填写管理费率")
          @DecimalMin(value = "0.05", message = "管理费率须在5%到10%之间")
          @DecimalMax(value = "0.10", message = "管理费率须在5%到10%之间")
          @Digits(integer = 1, fraction = 3, message = "管理费率最多三位小数")
          BigDecimal feeRate,
      @Size(max = 1000, message = "说明不能超过1000字") String description,
      @Size(max = 64, message = "操作人不能超过64字符") String changedBy,
      @Size(max = 500, message = "备注不能超过500字") String note) {

    @AssertTrue(message = "志愿服务项目参考价须为0，低收费项目参考价须大于0")
    boolean isPriceMatchingPricing() {
      return pricing == null
          || referencePriceFen == null
          || (pricing == Pricing.FREE) == (referencePriceFen == 0);
    }

    Catalogue.ItemFields fields() {
      return new Catalogue.ItemFields(
          name.strip(), pricing, referencePriceFen, unit.strip(), feeRate, description);
    }
  }

  record RetireRequest(
      @Size(max = 64, message = "操作人不能超过64字符") String changedBy,
      @Size(max = 500, message = "备注不能超过500字") String note) {}

  @PostMapping("/items")
  ResponseEntity<ItemView> create(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @Valid @RequestBody ItemRequest r) {
    String by = editor(user, r.changedBy());
    if (r.categoryCode() == null || r.categoryCode().isBlank()) {
      throw ApiError.invalid("categoryCode", "请选择服务类别");
    }
    Catalogue.Item item = editor.create(r.categoryCode(), r.fields(), by);
    return ResponseEntity.created(URI.create("/api/service-catalogue/items/" + item.code()))
        .body(ItemView.of(item));
  }

  @PutMapping("/items/{code}")
  ItemView edit(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String code,
      @Valid @RequestBody ItemRequest r) {
    String by = editor(user, r.changedBy());
    return ItemView.of(editor.edit(code, r.categoryCode(), r.fields(), by, r.note()));
  }

  @PostMapping("/items/{code}/retirement")
  ItemView retire(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String code,
      @Valid @RequestBody RetireRequest r) {
    return ItemView.of(editor.retire(code, editor(user, r.changedBy()), r.note()));
  }

  /** Property staff only (403 for anyone else); the acting user, for the revision's audit. */
  private String editor(String header, String body) {
    if (!reach.inAnyCommunity(Role.PROPERTY_STAFF)) {
      throw ApiError.forbidden("只有物业服务中心可以维护服务目录");
    }
    String by =
        actingUser
            .of(header)
            .or(
                () ->
                    !actingUser.requestNamesUser() || body == null || body.isBlank()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(body.strip()))
            .orElseThrow(() -> ApiError.invalid("changedBy", "请填写操作人"));
    if (by.length() > 64) throw ApiError.invalid(USER_HEADER, "用户标识不能超过64字符");
    return by;
  }
}
