package io.linli.serviceorder;

import io.linli.system.ApiError;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 到场签到 over the API (the worker's phone): completes the 到场签到 task exactly as the Tasklist form
 * does, which stops the arrival clock and starts the 20-minute one.
 */
@Service
class OnSiteCheckIn {

  private final ServiceOrders orders;
  private final TaskService tasks;

  OnSiteCheckIn(ServiceOrders orders, TaskService tasks) {
    this.orders = orders;
    this.tasks = tasks;
  }

  @Transactional
  void checkIn(String orderNo, String workerId) {
    ServiceOrders.Row row =
        orders.find(orderNo).orElseThrow(() -> ApiError.notFound("没有这个服务单：" + orderNo));
    Task arrive =
        row.processInstanceId() == null
            ? null
            : tasks
                .createTaskQuery()
                .processInstanceId(row.processInstanceId())
                .taskDefinitionKey(ServiceOrderProcess.TASK_ARRIVE)
                .singleResult();
    if (arrive == null) {
      throw ApiError.conflict("该服务单当前不在待到场签到阶段");
    }
    if (!workerId.equals(arrive.getAssignee())) {
      throw ApiError.invalid("workerId", "该服务单不是由您接单的");
    }
    tasks.complete(arrive.getId(), Map.of("checkInChannel", "API"));
  }
}
