package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.DateTimeInput;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 现场评估报价 and 制定解决方案: the worker judges the job small (and quotes on the spot) or complex (the plan,
 * its quote and a committed completion date follow within the plan clock). Volunteer items are
 * quoted at zero.
 */
@Component("quoteTaskListener")
class QuoteTaskListener implements TaskListener {

  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final ServiceOrderSla policy;

  QuoteTaskListener(ServiceOrders orders, CaseLog caseLog, ServiceOrderSla policy) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.policy = policy;
  }

  @Override
  public void notify(DelegateTask task) {
    ServiceOrderVariables v = new ServiceOrderVariables(task);
    switch (task.getTaskDefinitionKey()) {
      case TASK_ASSESS -> assessed(task, v);
      case TASK_PLAN -> planned(task, v);
      default ->
          throw new IllegalStateException("no completion rule for " + task.getTaskDefinitionKey());
    }
  }

  private void assessed(DelegateTask task, ServiceOrderVariables v) {
    JobSize size = jobSize(v.text(ServiceOrderVariables.JOB_SIZE));
    Instant now = Times.now();
    task.setVariable(ServiceOrderVariables.JOB_SIZE, size.name());
    task.setVariable(ServiceOrderVariables.JOB_SIZE_LABEL, size.label());
    task.setVariable(ServiceOrderVariables.ASSESSED_AT, Date.from(now));
    if (size == JobSize.SMALL) {
      long quote = quote(task, v);
      orders.assessed(v.caseId(), size, quote, now);
      log(v, ServiceOrderEvent.ASSESSED, size.label());
      log(v, ServiceOrderEvent.QUOTED, Money.label(quote));
    } else {
      orders.assessed(v.caseId(), size, null, now);
      log(v, ServiceOrderEvent.ASSESSED, size.label() + "，将在规定时限内形成解决方案并答复您");
    }
  }

  private void planned(DelegateTask task, ServiceOrderVariables v) {
    String plan = v.text(ServiceOrderVariables.SOLUTION_PLAN);
    if (plan == null) throw new BadUserRequestException("请填写解决方案");
    long quote = quote(task, v);
    Instant finish =
        DateTimeInput.parse(v.raw(ServiceOrderVariables.PLANNED_FINISH))
            .orElseThrow(() -> new BadUserRequestException("请填写有效的承诺完工时间"));
    if (!finish.isAfter(policy.now())) {
      throw new BadUserRequestException("承诺完工时间须晚于当前时间");
    }
    if (finish.isAfter(policy.latestCommitment())) {
      throw new BadUserRequestException("承诺完工时间不得晚于" + Times.label(policy.latestCommitment()));
    }
    orders.planned(v.caseId(), plan, quote, finish);
    task.setVariable(ServiceOrderVariables.COMMITTED_DUE, Date.from(finish));
    task.setVariable(ServiceOrderVariables.COMMITTED_FINISH_LABEL, Times.label(finish));
    log(v, ServiceOrderEvent.PLAN_MADE, plan + "（承诺完工：" + Times.label(finish) + "）");
    log(v, ServiceOrderEvent.QUOTED, Money.label(quote));
  }

  private long quote(DelegateTask task, ServiceOrderVariables v) {
    long fen;
    try {
      fen = Money.parseYuan(v.raw(ServiceOrderVariables.QUOTE_YUAN));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("报价：" + e.getMessage());
    }
    if (v.pricing() == Pricing.FREE && fen != 0) {
      throw new BadUserRequestException("志愿服务项目免费，报价须为0");
    }
    task.setVariable(ServiceOrderVariables.QUOTE_FEN, fen);
    task.setVariable(ServiceOrderVariables.QUOTE_LABEL, Money.label(fen));
    return fen;
  }

  private static JobSize jobSize(String value) {
    if (value == null) throw new BadUserRequestException("请选择问题大小");
    try {
      return JobSize.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("问题大小无效：" + value);
    }
  }

  private void log(ServiceOrderVariables v, io.linli.caselog.CaseEventKind type, String note) {
    caseLog.record(FLOW, v.caseNo(), type, Role.CONTRACTOR.label(), note);
  }
}
