package io.linli.finance;

import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Property staff enter a quarter in Tasklist (start form {@code Form_EnterFinance} of 收支审核): the
 * form's values, in yuan, become an entry exactly as the API's ({@link FinanceEntries#submit}), and
 * the started process is its approval. A refusal names the field and stops the start; a second
 * identical submission is refused with the entry already made. The API's own submissions start the
 * process with the entry already written ({@code entryId} set): nothing to do here then.
 */
@Component("enterFinanceEntry")
class EnterFinanceEntry implements ExecutionListener {

  static final String[] CATEGORIES = {
    "STAFF", "CLEANING", "GREENING", "SECURITY", "REPAIR", "UTILITIES", "REMUNERATION", "OTHER"
  };

  private final FinanceEntries entries;
  private final StaffReach reach;

  EnterFinanceEntry(FinanceEntries entries, StaffReach reach) {
    this.entries = entries;
    this.reach = reach;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable("entryId") != null) return;
    String community = text(execution, "communityCode");
    if (community == null) throw new BadUserRequestException("请填写社区代码");
    if (!reach.inCommunity(community, Role.PROPERTY_STAFF)) {
      throw new BadUserRequestException("只有本社区物业服务中心可以填报收支");
    }
    try {
      Quarter q = Quarter.parse("quarter", text(execution, "quarter"));
      List<FinanceLines.Fee> fees = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String p = "m" + (i + 1);
        if (execution.getVariable(p + "HouseholdsBilled") == null
            && execution.getVariable(p + "CollectedYuan") == null) continue;
        fees.add(
            new FinanceLines.Fee(
                q.firstMonth().plusMonths(i).toString(),
                whole(execution, p + "HouseholdsBilled"),
                whole(execution, p + "HouseholdsPaid"),
                fen(execution, p + "BilledYuan"),
                fen(execution, p + "CollectedYuan")));
      }
      List<FinanceLines.Expense> expenses = new ArrayList<>();
      for (String c : CATEGORIES) {
        Long amount = fen(execution, "expense" + c);
        if (amount != null)
          expenses.add(new FinanceLines.Expense(q.firstMonth().toString(), c, amount, "季度合计"));
      }
      String user =
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
                  == null
              ? "staff"
              : execution
                  .getProcessEngineServices()
                  .getIdentityService()
                  .getCurrentAuthentication()
                  .getUserId();
      var s =
          entries.submit(
              community,
              text(execution, "estateCode"),
              q.toString(),
              text(execution, "correctsEntryNo"),
              fees,
              expenses,
              user,
              execution);
      if (!s.created()) throw new BadUserRequestException("该收支已提交：" + s.entry().entryNo());
    } catch (ApiError e) {
      throw new BadUserRequestException(
          e.fields().isEmpty() ? e.getMessage() : e.fields().get(0).message());
    }
  }

  private static String text(DelegateExecution ex, String name) {
    Object v = ex.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  private static Integer whole(DelegateExecution ex, String name) {
    Object v = ex.getVariable(name);
    if (v == null) return null;
    BigDecimal b = new BigDecimal(v.toString());
    if (b.stripTrailingZeros().scale() > 0) throw new BadUserRequestException("户数须为整数");
    return b.intValueExact();
  }

  /** Yuan with at most two decimals, as fen; more decimals are refused, never rounded. */
  private static Long fen(DelegateExecution ex, String name) {
    Object v = ex.getVariable(name);
    if (v == null || v.toString().isBlank()) return null;
    BigDecimal yuan;
    try {
      yuan = new BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      throw new BadUserRequestException("金额须为数字（元）");
    }
    if (yuan.stripTrailingZeros().scale() > 2) throw new BadUserRequestException("金额最多精确到分（两位小数）");
    if (yuan.abs().compareTo(new BigDecimal("10000000000")) > 0)
      throw new BadUserRequestException("金额超出范围（最多10亿元）");
    return yuan.movePointRight(2).longValueExact();
  }
}
