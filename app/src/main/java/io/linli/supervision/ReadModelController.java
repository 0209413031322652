package io.linli.supervision;

import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's rebuild of the supervision read model from the SLA ledger and the case files:
 * after a repair of ledger rows, a restore, or a change of what the rates count. Supervisors only
 * (their scope is every community); reads wait while it runs.
 */
@RestController
@RequestMapping("/api/supervision/read-model")
class ReadModelController {

  private final SupervisionReadModel readModel;
  private final SupervisionAccess access;

  ReadModelController(SupervisionReadModel readModel, SupervisionAccess access) {
    this.readModel = readModel;
    this.access = access;
  }

  @PostMapping("/rebuild")
  SupervisionReadModel.Rebuilt rebuild() {
    if (!access.current().all()) throw ApiError.forbidden("仅督查人员可重算督查汇总");
    return readModel.rebuild();
  }
}
