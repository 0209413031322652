package io.linli.evaluation;

import io.linli.system.Times;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 完成整改: the property company reports what it did; the rectification case closes. */
@Component("rectificationDone")
class RectificationDone implements TaskListener {

  static final int MAX_RESULT = 2000;

  private final Rectifications rectifications;

  RectificationDone(Rectifications rectifications) {
    this.rectifications = rectifications;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationVariables v = new EvaluationVariables(task);
    String result = v.text(EvaluationVariables.RECTIFICATION_RESULT);
    if (result == null) throw new BadUserRequestException("请填写整改结果");
    if (result.length() > MAX_RESULT)
      throw new BadUserRequestException("整改结果不能超过" + MAX_RESULT + "字");
    rectifications.done(v.caseId(), result, Times.now());
  }
}
