package io.linli.supervision;

import io.linli.system.Times;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The printable pages (XHTML, so the same text makes the PDF): the 双晒 quarterly report of an estate
 * and the 红黑榜. Everything shown is escaped; no resident's text or name appears.
 */
final class ReportPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  static final String CSS =
      """
      @page { size: A4; margin: 16mm 14mm; @bottom-center { content: "第 " counter(page) " 页"; font-family: 'Noto Sans SC'; font-size: 9pt; color: #666; } }
      body { font-family: 'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 10.5pt; color: #222; }
      h1 { font-size: 18pt; color: #b71c1c; text-align: center; margin: 0 0 4pt 0; }
      h2 { font-size: 13pt; color: #b71c1c; border-bottom: 1.5pt solid #b71c1c; padding-bottom: 2pt; margin: 14pt 0 6pt 0; }
      h3 { font-size: 11pt; margin: 10pt 0 4pt 0; }
      p.sub { text-align: center; color: #555; margin: 0 0 8pt 0; }
      table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }
      th, td { border: 0.75pt solid #999; padding: 3pt 5pt; text-align: left; }
      th { background: #f3e5e5; }
      td.n, th.n { text-align: right; }
      tr.red td { background: #fdecea; }
      tr.black td { background: #e8e8e8; }
      .rule { font-size: 9pt; color: #444; background: #fafafa; border: 0.75pt solid #ccc; padding: 4pt 6pt; margin: 4pt 0; }
      .mark-red { color: #b71c1c; font-weight: bold; }
      .mark-black { color: #000; font-weight: bold; }
      .cols { width: 100%; }
      @media screen { body { max-width: 190mm; margin: 10mm auto; } }
      """;

  private ReportPages() {}

  static String shuangShai(ShuangShai.Report r) {
    return shuangShai(r, false, null);
  }

  /** The public version (公示): the books only when approved, and by which entry. */
  static String shuangShai(ShuangShai.PublicReport p) {
    return shuangShai(
        new ShuangShai.Report(
            p.estate(),
            p.quarter(),
            p.quarterLabel(),
            p.from(),
            p.to(),
            p.service(),
            p.finance(),
            p.rules()),
        true,
        p.books());
  }

  private static String shuangShai(
      ShuangShai.Report r, boolean published, ApprovedBooks.Approval books) {
    StringBuilder b = head(r.estate().name() + " " + r.quarterLabel() + " 双晒报告");
    b.append("<h1>")
        .append(esc(r.estate().name()))
        .append(" ")
        .append(esc(r.quarterLabel()))
        .append("双晒报告</h1>\n<p class=\"sub\">")
        .append(esc(r.estate().communityName()))
        .append(" · 物业服务企业：")
        .append(esc(nz(r.estate().companyName())))
        .append(" · 统计期 ")
        .append(r.from().format(DAY))
        .append("至")
        .append(r.to().format(DAY))
        .append("</p>\n");

    ShuangShai.ServiceReport s = r.service();
    b.append("<h2>一、物业服务季报</h2>\n<h3>（一）受理与办结</h3>\n");
    b.append(
        "<table><tr><th>类型</th><th>类别</th><th class=\"n\">受理件数</th><th class=\"n\">其中已办结</th></tr>\n");
    for (ShuangShai.CaseCount c : s.cases()) {
      b.append("<tr><td>")
          .append(esc(c.flowLabel()))
          .append("</td><td>")
          .append(esc(c.categoryLabel()))
          .append("</td><td class=\"n\">")
          .append(c.reported())
          .append("</td><td class=\"n\">")
          .append(c.closed())
          .append("</td></tr>\n");
    }
    b.append("<tr><th colspan=\"2\">合计</th><th class=\"n\">")
        .append(s.reported())
        .append("</th><th class=\"n\">")
        .append(s.closed())
        .append("</th></tr></table>\n");

    SupervisionRates.Figures f = s.rates();
    b.append("<h3>（二）")
        .append(esc(s.ratesOf()))
        .append(
            "办理成效</h3>\n<table><tr><th style=\"width:40%\">指标</th><th class=\"n\" style=\"width:35%\">数值</th><th>计算</th></tr>\n");
    rate(b, "按时办结率", f.onTimeClosureRate(), f.onTime() + " / " + f.closed());
    rate(b, "居民满意率", f.satisfactionRate(), f.satisfied() + " / " + f.rated());
    rate(b, "回访满意率", f.followUpSatisfactionRate(), f.followUpSatisfied() + " / " + f.followedUp());
    rate(b, "整改率", f.rectificationRate(), f.rectified() + " / " + f.planned());
    minutes(b, "响应用时（中位数 / 第90百分位）", f.respondMinutesMedian(), f.respondMinutesP90());
    minutes(b, "办结用时（中位数 / 第90百分位）", f.closeMinutesMedian(), f.closeMinutesP90());
    b.append("<tr><td>超时提请督办</td><td class=\"n\">")
        .append(s.breaches())
        .append(" 次</td><td></td></tr></table>\n");
    b.append("<div class=\"rule\">");
    for (String key :
        List.of(
            "onTimeClosureRate",
            "satisfactionRate",
            "followUpSatisfactionRate",
            "rectificationRate",
            "respondMinutes",
            "closeMinutes",
            "empty")) {
      b.append(esc(r.rules().get(key))).append("<br/>");
    }
    b.append("</div>\n<h3>（三）典型案例</h3>\n");
    if (s.notable().isEmpty()) b.append("<p>本季度没有超时督办的案件。</p>\n");
    else {
      b.append("<table><tr><th>编号</th><th>类型</th><th>情况</th><th>超时时间</th></tr>\n");
      for (ShuangShai.Notable n : s.notable()) {
        b.append("<tr><td>")
            .append(esc(n.caseNo()))
            .append("</td><td>")
            .append(esc(n.flowLabel()))
            .append("</td><td>")
            .append(esc(n.what()))
            .append("</td><td>")
            .append(esc(Times.label(n.at())))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    if (!s.topics().isEmpty()) {
      String kinds =
          s.topics().stream()
              .map(ShuangShai.Topic::flowLabel)
              .distinct()
              .collect(java.util.stream.Collectors.joining("、"));
      b.append("<h3>（四）")
          .append(esc(kinds))
          .append("事项</h3>\n<table><tr><th>编号</th><th>事项</th><th>类别</th><th>进展</th></tr>\n");
      for (ShuangShai.Topic t : s.topics()) {
        b.append("<tr><td>")
            .append(esc(t.caseNo()))
            .append("</td><td>")
            .append(esc(t.title()))
            .append("</td><td>")
            .append(esc(t.categoryLabel()))
            .append("</td><td>")
            .append(esc(t.statusLabel()))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }

    ShuangShai.Finance m = r.finance();
    b.append("<h2>二、收支季报</h2>\n");
    if (published && m == null) {
      b.append("<p class=\"books\">本季度收支尚未经社区党委审核公布。</p>\n");
      return footer(b);
    }
    if (books != null) {
      b.append("<p class=\"books\">本季度收支经社区党委审核后公布（")
          .append(esc(books.entryNo()))
          .append(books.correctsEntryNo() == null ? "" : "，更正 " + esc(books.correctsEntryNo()))
          .append(
              books.approvedAt() == null ? "" : "，" + esc(Times.label(books.approvedAt())) + "审核通过")
          .append("）。</p>\n");
    }
    b.append("<h3>（一）物业费收缴</h3>\n");
    b.append(
        "<table><tr><th>月份</th><th class=\"n\">应缴户数</th><th class=\"n\">实缴户数</th><th class=\"n\">应收（元）</th><th class=\"n\">实收（元）</th></tr>\n");
    for (ShuangShai.FeeMonth fm : m.fees()) {
      b.append("<tr><td>")
          .append(fm.month())
          .append("</td><td class=\"n\">")
          .append(fm.householdsBilled())
          .append("</td><td class=\"n\">")
          .append(fm.householdsPaid())
          .append("</td><td class=\"n\">")
          .append(yuan(fm.billedFen()))
          .append("</td><td class=\"n\">")
          .append(yuan(fm.collectedFen()))
          .append("</td></tr>\n");
    }
    b.append("<tr><th colspan=\"3\">合计（收缴率 ")
        .append(percent(m.collectionRate()))
        .append("）</th><th class=\"n\">")
        .append(yuan(m.billedFen()))
        .append("</th><th class=\"n\">")
        .append(yuan(m.collectedFen()))
        .append("</th></tr></table>\n");
    String orders = esc(m.ordersLabel());
    b.append("<h3>（二）")
        .append(orders)
        .append("收费与结算</h3>\n<table><tr><th>完工确认的")
        .append(orders)
        .append(
            "</th><th class=\"n\">居民支付（元）</th><th class=\"n\">服务中心管理费（元）</th><th class=\"n\">结算给接单人员（元）</th></tr>\n");
    ShuangShai.Orders o = m.serviceOrders();
    b.append("<tr><td>")
        .append(o.count())
        .append(" 件</td><td class=\"n\">")
        .append(yuan(o.paidFen()))
        .append("</td><td class=\"n\">")
        .append(yuan(o.feeFen()))
        .append("</td><td class=\"n\">")
        .append(yuan(o.netFen()))
        .append("</td></tr></table>\n");
    b.append("<h3>（三）支出</h3>\n<table><tr><th>项目</th><th class=\"n\">金额（元）</th></tr>\n");
    for (ShuangShai.Expense e : m.expenses()) {
      b.append("<tr><td>")
          .append(esc(e.label()))
          .append("</td><td class=\"n\">")
          .append(yuan(e.amountFen()))
          .append("</td></tr>\n");
    }
    b.append("<tr><th>合计</th><th class=\"n\">")
        .append(yuan(m.expenseFen()))
        .append("</th></tr></table>\n");
    b.append("<h3>（四）收支结余</h3>\n<table><tr><th>收入（物业费实收 + ")
        .append(orders)
        .append("管理费）</th><th class=\"n\">")
        .append(yuan(m.incomeFen()))
        .append("</th></tr><tr><th>支出</th><th class=\"n\">")
        .append(yuan(m.expenseFen()))
        .append("</th></tr><tr><th>结余</th><th class=\"n\">")
        .append(yuan(m.balanceFen()))
        .append("</th></tr></table>\n");
    return footer(b);
  }

  private static String footer(StringBuilder b) {
    b.append("<p class=\"sub\">以上数据由邻里平台根据案件台账、收费记录和小区账目自动生成，生成时间 ")
        .append(esc(Times.label(Times.now())))
        .append("。</p>\n");
    return b.append("</body></html>\n").toString();
  }

  static String ranking(Ranking.Board board, String periodLabel, String scopeLabel) {
    StringBuilder b = head("红黑榜 " + periodLabel);
    b.append("<h1>物业服务红黑榜</h1>\n<p class=\"sub\">")
        .append(esc(scopeLabel))
        .append(" · ")
        .append(esc(periodLabel))
        .append("</p>\n");
    b.append("<div class=\"rule\"><b>排名规则：</b>").append(esc(board.rule())).append("</div>\n");
    board(b, "物业服务企业", board.companies());
    board(b, "小区", board.estates());
    return b.append("</body></html>\n").toString();
  }

  private static void board(StringBuilder b, String title, List<Ranking.Entry> entries) {
    b.append("<h2>")
        .append(esc(title))
        .append(
            "</h2>\n<table><tr><th class=\"n\">名次</th><th>名称</th><th class=\"n\">结案件数</th><th class=\"n\">按时办结率</th><th class=\"n\">居民满意率</th><th class=\"n\">综合得分</th><th>榜单</th></tr>\n");
    for (Ranking.Entry e : entries) {
      String cls =
          e.list() == Ranking.Mark.RED
              ? " class=\"red\""
              : e.list() == Ranking.Mark.BLACK ? " class=\"black\"" : "";
      b.append("<tr")
          .append(cls)
          .append("><td class=\"n\">")
          .append(e.rank() == null ? "—" : e.rank())
          .append("</td><td>")
          .append(esc(e.name()))
          .append("</td><td class=\"n\">")
          .append(e.closed())
          .append("</td><td class=\"n\">")
          .append(percent(e.onTimeClosureRate()))
          .append("</td><td class=\"n\">")
          .append(percent(e.satisfactionRate()))
          .append("</td><td class=\"n\">")
          .append(
              e.score() == null
                  ? "—"
                  : String.format(java.util.Locale.ROOT, "%.1f", e.score() * 100))
          .append("</td><td>")
          .append(
              !e.ranked()
                  ? "样本不足"
                  : e.list() == Ranking.Mark.RED
                      ? "<span class=\"mark-red\">红榜</span>"
                      : e.list() == Ranking.Mark.BLACK
                          ? "<span class=\"mark-black\">黑榜</span>"
                          : "")
          .append("</td></tr>\n");
    }
    if (entries.isEmpty()) b.append("<tr><td colspan=\"7\">期内没有结案的案件。</td></tr>\n");
    b.append("</table>\n");
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title))
        .append("</title><style>\n")
        .append(CSS)
        .append("</style></head><body>\n");
  }

  private static void rate(StringBuilder b, String name, Double rate, String calc) {
    b.append("<tr><td>")
        .append(name)
        .append("</td><td class=\"n\">")
        .append(percent(rate))
        .append("</td><td>")
        .append(calc)
        .append("</td></tr>\n");
  }

  private static void minutes(StringBuilder b, String name, Double median, Double p90) {
    b.append("<tr><td>")
        .append(name)
        .append("</td><td class=\"n\">")
        .append(duration(median))
        .append(" / ")
        .append(duration(p90))
        .append("</td><td></td></tr>\n");
  }

  static String percent(Double rate) {
    return rate == null
        ? "—"
        : BigDecimal.valueOf(rate * 100).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
  }

  static String duration(Double minutes) {
    if (minutes == null) return "—";
    long m = Math.round(minutes);
    return m < 60 ? m + "分钟" : (m / 60) + "小时" + (m % 60 == 0 ? "" : (m % 60) + "分钟");
  }

  /** 1234567 fen → "12,345.67". */
  static String yuan(long fen) {
    return String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String nz(String s) {
    return s == null ? "（未登记）" : s;
  }
}
