package io.linli.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.core.NestedRuntimeException;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus two rules: when a Linli listener refuses
 * what a Tasklist form sent (a {@link BadUserRequestException} somewhere in the cause chain), the
 * answer is 400 with that message, not the 500 the engine's wrapping would give; when two staff act
 * on one task at once (a {@link TaskAlreadyClaimedException} or an {@link OptimisticLockingException}),
 * the loser gets 409 with a message saying so; when the database is unreachable (restarting, failing
 * over), 503 with Retry-After ({@link Transience}). Integration tier: ConcurrentClaimTest.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedFormMapper.class);
    register(RefusedFormRestMapper.class);
    register(DatabaseUnavailableMapper.class);
  }

  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TaskAlreadyClaimedException c) {
        return conflict("TaskAlreadyClaimedException", "该任务已被" + c.getTaskAssignee() + "认领，请刷新任务列表");
      }
      if (t instanceof OptimisticLockingException) {
        return conflict("OptimisticLockingException", "该任务刚被他人处理，请刷新后重试");
      }
      if (t instanceof BadUserRequestException b) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "BadUserRequestException", "message", b.getMessage()))
            .build();
      }
    }
    if (Transience.conflict(e)) {
      return conflict("OptimisticLockingException", "该任务刚被他人处理，请刷新后重试");
    }
    if (Transience.databaseUnavailable(e)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", Transience.RETRY_AFTER_SECONDS)
          .entity(Map.of("type", "DatabaseUnavailable", "message", "系统暂时不可用，请稍后重试"))
          .build();
    }
    return null;
  }

  private static Response conflict(String type, String message) {
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message))
        .build();
  }

  @Priority(1)
  static class RefusedFormMapper implements ExceptionMapper<ProcessEngineException> {
    private final org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      Response r = refusal(e);
      return r != null ? r : fallback.toResponse(e);
    }
  }

  /**
   * The engine's commands run in Spring transactions: when the database is down, beginning one
   * throws Spring's exceptions, not the engine's, which Camunda's catch-all would answer 500.
   */
  @Priority(1)
  static class DatabaseUnavailableMapper implements ExceptionMapper<NestedRuntimeException> {
    private final org.camunda.bpm.engine.rest.exception.ExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.ExceptionHandler();

    @Override
    public Response toResponse(NestedRuntimeException e) {
      Response r = refusal(e);
      return r != null ? r : fallback.toResponse(e);
    }
  }

  @Priority(1)
  static class RefusedFormRestMapper implements ExceptionMapper<RestException> {
    private final org.camunda.bpm.engine.rest.exception.RestExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      Response r = refusal(e);
      return r != null ? r : fallback.toResponse(e);
    }
  }
}
