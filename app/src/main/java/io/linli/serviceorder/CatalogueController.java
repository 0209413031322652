package io.linli.serviceorder;

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
import io.linli.system.ApiError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue: residents read it; staff create, edit and retire items. */
@RestController
@RequestMapping("/api/service-catalogue")
class CatalogueController {

  private final Catalogue catalogue;
  private final CatalogueEditor editor;

  CatalogueController(Catalogue catalogue, CatalogueEditor editor) {
    this.catalogue = catalogue;
    this.editor = editor;
  }

  record ItemView(
      String code, String categoryCode, String name, String pricing, String pricingLabel,
      long referencePriceFen, String referencePrice, String unit, BigDecimal feeRate,
      String description, boolean retired, Instant retiredAt) {

    static ItemView of(Catalogue.Item i) {
      Catalogue.ItemFields f = i.fields();
      return new ItemView(i.code(), i.categoryCode(), f.name(), f.pricing().name(),
          f.pricing().label(), f.referencePriceFen(), Money.label(f.referencePriceFen()), f.unit(),
          f.feeRate(), f.description(), i.retired(), i.retiredAt());
    }
  }

  record CategoryView(String code, String name, String team, String teamLabel, List<ItemView> items) {}

  record CatalogueView(List<CategoryView> categories) {}

  @GetMapping
  CatalogueView catalogue(@RequestParam(defaultValue = "false") boolean includeRetired) {
    Map<String, List<ItemView>> items =
        catalogue.items(includeRetired).stream()
            .map(ItemView::of)
            .collect(Collectors.groupingBy(ItemView::categoryCode));
    return new CatalogueView(catalogue.categories().stream()
        .map(c -> new CategoryView(c.code(), c.name(), c.team().id(), c.team().label(),
            items.getOrDefault(c.code(), List.of())))
        .toList());
  }

  record RevisionView(
      int revision, String change, String name, String pricing, long referencePriceFen,
      String unit, BigDecimal feeRate, String note, String changedBy, Instant changedAt) {}

  record ItemDetail(ItemView item, List<RevisionView> revisions) {}

  @GetMapping("/items/{code}")
  ItemDetail item(@PathVariable String code) {
    Catalogue.Item item =
        catalogue.item(code).orElseThrow(() -> ApiError.notFound("没有这个服务项目：" + code));
    return new ItemDetail(ItemView.of(item), catalogue.revisions(code).stream()
        .map(r -> new RevisionView(r.revision(), r.change(), r.fields().name(),
            r.fields().pricing().name(), r.fields().referencePriceFen(), r.fields().unit(),
            r.fields().feeRate(), r.note(), r.changedBy(), r.changedAt()))
        .toList());
  }

  /**
   * @param referencePriceFen reference price in fen (0 for volunteer items)
   * @param feeRate the centre's management fee, 0.05 to 0.10 (seed 000: 5%—10%)
   * @param changedBy the staff member making the change
   */
  record ItemRequest(
      @Size(max = 24) String categoryCode,
      @NotBlank(message = "请填写服务项目名称") @Size(max = 100, message = "名称不能超过100字") String name,
      @NotNull(message = "请选择收费方式") Pricing pricing,
      @NotNull(message = "请填写参考价（分）") @PositiveOrZero(message = "参考价不能为负数")
          @Max(value = Money.MAX_FEN, message = "参考价超出上限") Long referencePriceFen,
      @NotBlank(message = "请填写计价单位") @Size(max = 16, message = "计价单位不能超过16字") String unit,
      @NotNull(message = "请填写管理费率")
          @DecimalMin(value = "0.05", message = "管理费率须在5%到10%之间")
          @DecimalMax(value = "0.10", message = "管理费率须在5%到10%之间")
          @Digits(integer = 1, fraction = 3, message = "管理费率最多三位小数") BigDecimal feeRate,
      @Size(max = 1000, message = "说明不能超过1000字") String description,
      @NotBlank(message = "请填写操作人") @Size(max = 64) String changedBy,
      @Size(max = 500, message = "备注不能超过500字") String note) {

    @AssertTrue(message = "志愿服务项目参考价须为0，低收费项目参考价须大于0")
    boolean isPriceMatchingPricing() {
      return pricing == null || referencePriceFen == null
          || (pricing == Pricing.FREE) == (referencePriceFen == 0);
    }

    Catalogue.ItemFields fields() {
      return new Catalogue.ItemFields(name.strip(), pricing, referencePriceFen, unit.strip(), feeRate,
          description);
    }
  }

  record RetireRequest(
      @NotBlank(message = "请填写操作人") @Size(max = 64) String changedBy,
      @Size(max = 500, message = "备注不能超过500字") String note) {}

  @PostMapping("/items")
  ResponseEntity<ItemView> create(@Valid @RequestBody ItemRequest r) {
    if (r.categoryCode() == null || r.categoryCode().isBlank()) {
      throw ApiError.invalid("categoryCode", "请选择服务类别");
    }
    Catalogue.Item item = editor.create(r.categoryCode(), r.fields(), r.changedBy());
    return ResponseEntity.created(URI.create("/api/service-catalogue/items/" + item.code()))
        .body(ItemView.of(item));
  }

  @PutMapping("/items/{code}")
  ItemView edit(@PathVariable String code, @Valid @RequestBody ItemRequest r) {
    return ItemView.of(editor.edit(code, r.categoryCode(), r.fields(), r.changedBy(), r.note()));
  }

  @PostMapping("/items/{code}/retirement")
  ItemView retire(@PathVariable String code, @Valid @RequestBody RetireRequest r) {
    return ItemView.of(editor.retire(code, r.changedBy(), r.note()));
  }
}
