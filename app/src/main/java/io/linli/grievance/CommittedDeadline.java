package io.linli.grievance;

import io.linli.system.DateTimeInput;
import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;

/** Reads the 承诺整改时限 a handler entered (see {@link DateTimeInput}), or refuses it. */
final class CommittedDeadline {

  private CommittedDeadline() {}

  static Instant parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException("请填写承诺整改时限");
    }
    return DateTimeInput.parse(value)
        .orElseThrow(() -> new BadUserRequestException("承诺整改时限格式无效：" + value));
  }
}
