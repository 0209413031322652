package io.linli.serviceorder;

import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff manage the catalogue: create, edit and retire items. Every change is a revision; a retired
 * item cannot be ordered or edited but keeps its code, its past orders and its revisions. Orders
 * copy the item's price and rate, so no change here alters an order or a settlement already made.
 */
@Service
class CatalogueEditor {

  private final Catalogue catalogue;

  CatalogueEditor(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Transactional
  Catalogue.Item create(String categoryCode, Catalogue.ItemFields fields, String by) {
    Catalogue.Category category =
        catalogue
            .lockCategory(categoryCode)
            .orElseThrow(() -> ApiError.invalid("categoryCode", "没有这个服务类别：" + categoryCode));
    if (catalogue.activeNameTaken(category.code(), fields.name(), "")) {
      throw ApiError.conflict("该类别已有同名服务项目：" + fields.name());
    }
    // Items are never deleted, so the count numbers the next one; the category lock serialises it.
    String code =
        String.format("%s-%02d", category.code(), catalogue.itemCount(category.code()) + 1);
    Instant now = Times.now();
    catalogue.insert(code, category.code(), fields, by, now);
    catalogue.addRevision(code, "CREATED", fields, null, by, now);
    return catalogue.item(code).orElseThrow();
  }

  @Transactional
  Catalogue.Item edit(
      String code, String categoryCode, Catalogue.ItemFields fields, String by, String note) {
    Catalogue.Item item = lockActive(code, "已停用的服务项目不能修改");
    if (categoryCode != null
        && !categoryCode.isBlank()
        && !categoryCode.equals(item.categoryCode())) {
      throw ApiError.invalid("categoryCode", "服务项目不能改换类别，请停用后在新类别下新建");
    }
    if (catalogue.activeNameTaken(item.categoryCode(), fields.name(), code)) {
      throw ApiError.conflict("该类别已有同名服务项目：" + fields.name());
    }
    catalogue.update(code, fields);
    catalogue.addRevision(code, "EDITED", fields, note, by, Times.now());
    return catalogue.item(code).orElseThrow();
  }

  @Transactional
  Catalogue.Item retire(String code, String by, String note) {
    Catalogue.Item item = lockActive(code, "该服务项目已停用");
    Instant now = Times.now();
    catalogue.retire(code, now);
    catalogue.addRevision(code, "RETIRED", item.fields(), note, by, now);
    return catalogue.item(code).orElseThrow();
  }

  private Catalogue.Item lockActive(String code, String whenRetired) {
    Catalogue.Item item =
        catalogue.lockItem(code).orElseThrow(() -> ApiError.notFound("没有这个服务项目：" + code));
    if (item.retired()) throw ApiError.conflict(whenRetired);
    return item;
  }
}
