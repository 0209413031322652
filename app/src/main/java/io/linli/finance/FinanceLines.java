package io.linli.finance;

import io.linli.system.ApiError;
import io.linli.system.ApiError.FieldMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of one 收支 entry and their rules: months inside the quarter, each month once, each
 * category once per month, amounts whole fen from 0 to {@value #MAX_FEN} (one billion yuan), paying
 * households no more than billed ones. Every refusal names its field, e.g. {@code
 * fees[1].billedFen}.
 */
final class FinanceLines {

  static final long MAX_FEN = 100_000_000_000L;
  static final int MAX_HOUSEHOLDS = 100_000;
  static final int MAX_NOTE = 200;

  static final Map<String, String> EXPENSE_LABELS =
      Map.of(
          "STAFF",
          "人员费用",
          "CLEANING",
          "保洁",
          "GREENING",
          "绿化养护",
          "SECURITY",
          "秩序维护",
          "REPAIR",
          "共用部位维修",
          "UTILITIES",
          "公共水电",
          "REMUNERATION",
          "物业企业酬金",
          "OTHER",
          "其他");

  record Fee(
      String month,
      Integer householdsBilled,
      Integer householdsPaid,
      Long billedFen,
      Long collectedFen) {}

  record Expense(String month, String category, Long amountFen, String note) {}

  private FinanceLines() {}

  /** Checks every line; throws one {@link ApiError} listing every refused field. */
  static void check(Quarter quarter, List<Fee> fees, List<Expense> expenses) {
    List<FieldMessage> bad = new ArrayList<>();
    List<Fee> f = fees == null ? List.of() : fees;
    List<Expense> e = expenses == null ? List.of() : expenses;
    if (f.isEmpty() && e.isEmpty()) bad.add(new FieldMessage("fees", "请至少填写一项物业费或支出"));
    if (f.size() > 3) bad.add(new FieldMessage("fees", "一个季度最多3个月的物业费"));
    if (e.size() > 3 * EXPENSE_LABELS.size()) bad.add(new FieldMessage("expenses", "支出项目过多"));
    Set<String> months = new HashSet<>();
    for (int i = 0; i < f.size(); i++) {
      Fee x = f.get(i);
      String p = "fees[" + i + "].";
      if (x == null) {
        bad.add(new FieldMessage("fees[" + i + "]", "请填写物业费"));
        continue;
      }
      month(quarter, p + "month", x.month(), bad);
      if (x.month() != null && !months.add(x.month()))
        bad.add(new FieldMessage(p + "month", "同一月份只能填写一次"));
      count(p + "householdsBilled", "应缴户数", x.householdsBilled(), bad);
      count(p + "householdsPaid", "实缴户数", x.householdsPaid(), bad);
      if (x.householdsBilled() != null
          && x.householdsPaid() != null
          && x.householdsPaid() > x.householdsBilled()) {
        bad.add(new FieldMessage(p + "householdsPaid", "实缴户数不能多于应缴户数"));
      }
      amount(p + "billedFen", "应收物业费", x.billedFen(), bad);
      amount(p + "collectedFen", "实收物业费", x.collectedFen(), bad);
    }
    Set<String> lines = new HashSet<>();
    for (int i = 0; i < e.size(); i++) {
      Expense x = e.get(i);
      String p = "expenses[" + i + "].";
      if (x == null) {
        bad.add(new FieldMessage("expenses[" + i + "]", "请填写支出"));
        continue;
      }
      month(quarter, p + "month", x.month(), bad);
      if (x.category() == null || !EXPENSE_LABELS.containsKey(x.category())) {
        bad.add(new FieldMessage(p + "category", "请选择支出类别"));
      } else if (x.month() != null && !lines.add(x.month() + x.category())) {
        bad.add(new FieldMessage(p + "category", "同一月份的同一类别只能填写一次"));
      }
      amount(p + "amountFen", "支出金额", x.amountFen(), bad);
      if (x.note() != null && x.note().length() > MAX_NOTE) {
        bad.add(new FieldMessage(p + "note", "说明不能超过" + MAX_NOTE + "字"));
      }
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
  }

  private static void month(Quarter q, String field, String value, List<FieldMessage> bad) {
    try {
      if (value == null) throw new DateTimeParseException("", "", 0);
      YearMonth m = YearMonth.parse(value);
      if (!q.contains(m)) bad.add(new FieldMessage(field, "月份须在" + q.label() + "内"));
    } catch (DateTimeParseException ex) {
      bad.add(new FieldMessage(field, "月份格式应为 yyyy-MM，例如 2026-07"));
    }
  }

  private static void count(String field, String label, Integer value, List<FieldMessage> bad) {
    if (value == null) bad.add(new FieldMessage(field, "请填写" + label));
    else if (value < 0 || value > MAX_HOUSEHOLDS)
      bad.add(new FieldMessage(field, label + "须在0至" + MAX_HOUSEHOLDS + "之间"));
  }

  private static void amount(String field, String label, Long value, List<FieldMessage> bad) {
    if (value == null) bad.add(new FieldMessage(field, "请填写" + label + "（分）"));
    else if (value < 0) bad.add(new FieldMessage(field, label + "不能为负数"));
    else if (value > MAX_FEN) bad.add(new FieldMessage(field, label + "超出范围（最多10亿元）"));
  }

  /** The entry's content, for recognising a retry of the same submission. */
  static String digest(
      long estateId, Quarter q, String corrects, List<Fee> fees, List<Expense> expenses) {
    StringBuilder sb =
        new StringBuilder().append(estateId).append('|').append(q).append('|').append(corrects);
    (fees == null ? List.<Fee>of() : fees)
        .stream().map(Fee::toString).sorted().forEach(s -> sb.append('|').append(s));
    (expenses == null ? List.<Expense>of() : expenses)
        .stream().map(Expense::toString).sorted().forEach(s -> sb.append('|').append(s));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
