package io.linli.serviceorder;

import io.linli.system.Times;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monthly statement as CSV for the centre's bookkeeping: one 明细 line per order, a 小计 line per
 * worker and a 合计 line; amounts in yuan with two decimals (exact, from fen). UTF-8 with a byte
 * order mark, so spreadsheet programs read the Chinese headers.
 */
final class SettlementCsv {

  static final String BOM = "\uFEFF";
  static final List<String> HEADER =
      List.of("类型", "接单人", "姓名", "服务单号", "服务项目", "完工确认时间", "实收金额（元）", "管理费率", "管理费（元）", "应付净额（元）");

  private SettlementCsv() {}

  static String of(MonthlySettlement.Statement s) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, HEADER);
    for (MonthlySettlement.WorkerStatement w : s.workers()) {
      for (MonthlySettlement.Line l : w.orders()) {
        line(
            out,
            List.of(
                "明细",
                w.workerId(),
                w.workerName(),
                l.orderNo(),
                l.itemName(),
                Times.label(l.completedAt()),
                Money.yuan(l.paidFen()),
                Money.percent(l.feeRate()),
                Money.yuan(l.feeFen()),
                Money.yuan(l.netFen())));
      }
      line(
          out,
          List.of(
              "小计",
              w.workerId(),
              w.workerName(),
              w.orderCount() + "单",
              "",
              "",
              Money.yuan(w.paidFen()),
              "",
              Money.yuan(w.feeFen()),
              Money.yuan(w.netFen())));
    }
    line(
        out,
        List.of(
            "合计",
            "",
            s.communityName() + " " + s.month(),
            s.orderCount() + "单",
            "",
            "",
            Money.yuan(s.paidFen()),
            "",
            Money.yuan(s.feeFen()),
            Money.yuan(s.netFen())));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append(cells.stream().map(SettlementCsv::cell).collect(Collectors.joining(",")))
        .append("\r\n");
  }

  private static String cell(String value) {
    String v = value == null ? "" : value;
    // a leading = + - @ would be read as a formula by spreadsheet programs
    if (Stream.of("=", "+", "-", "@").anyMatch(v::startsWith)) v = "'" + v;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
