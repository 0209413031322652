package io.linli.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
 * on one task at once (a {@link TaskAlreadyClaimedException} or an {@link
 * OptimisticLockingException}), the loser gets 409 with a message saying so; when the database is
 * unreachable (restarting, failing over), 503 with Retry-After ({@link Transience}). Every other
 * refusal keeps Camunda's status but not its body: {@code {"message": "…"}} in Chinese, without the
 * Java exception type or the engine's message (which names classes, ids and internals); Linli's own
 * refusals keep their message. Integration tier: ConcurrentClaimTest, BadInputTest.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedFormMapper.class);
    register(RefusedFormRestMapper.class);
    register(DatabaseUnavailableMapper.class);
    register(AnyMapper.class);
    register(JsonParseMapper.class);
    register(JsonMappingMapper.class);
  }

  /** Camunda's status, a generic body: no exception type, no engine message. */
  static Response generic(Response camunda) {
    int status = camunda.getStatus();
    Response.ResponseBuilder b =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("message", message(status)));
    camunda
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> b.header(name, v));
              }
            });
    return b.build();
  }

  static String message(int status) {
    return switch (status) {
      case 400 -> "请求内容有误";
      case 401 -> "请先登录";
      case 403 -> "无权执行此操作";
      case 404 -> "没有找到所请求的资源";
      case 405 -> "不支持此请求方法";
      case 406, 415 -> "不支持此内容类型";
      case 409 -> "与当前状态冲突，请刷新后重试";
      case 503 -> "系统暂时不可用，请稍后重试";
      default -> status >= 500 ? "服务器内部错误，请稍后重试" : "请求被拒绝";
    };
  }

  /** A refusal written by Linli's own code (a task listener), whose message is meant for staff. */
  static boolean linliMessage(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("io.linli.");
  }

  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TaskAlreadyClaimedException c) {
        return conflict("该任务已被" + c.getTaskAssignee() + "认领，请刷新任务列表");
      }
      if (t instanceof OptimisticLockingException) {
        return conflict("该任务刚被他人处理，请刷新后重试");
      }
      if (t instanceof BadUserRequestException b && linliMessage(b)) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("message", b.getMessage()))
            .build();
      }
    }
    if (Transience.conflict(e)) {
      return conflict("该任务刚被他人处理，请刷新后重试");
    }
    if (Transience.databaseUnavailable(e)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", Transience.RETRY_AFTER_SECONDS)
          .entity(Map.of("message", "系统暂时不可用，请稍后重试"))
          .build();
    }
    return null;
  }

  private static Response conflict(String message) {
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("message", message))
        .build();
  }

  @Priority(1)
  static class AnyMapper implements ExceptionMapper<Throwable> {
    private final org.camunda.bpm.engine.rest.exception.ExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.ExceptionHandler();

    @Override
    public Response toResponse(Throwable e) {
      Response r = refusal(e);
      return r != null ? r : generic(fallback.toResponse(e));
    }
  }

  @Priority(1)
  static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return generic(Response.status(Response.Status.BAD_REQUEST).build());
    }
  }

  @Priority(1)
  static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return generic(Response.status(Response.Status.BAD_REQUEST).build());
    }
  }

  @Priority(1)
  static class RefusedFormMapper implements ExceptionMapper<ProcessEngineException> {
    private final org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      Response r = refusal(e);
      return r != null ? r : generic(fallback.toResponse(e));
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
      return r != null ? r : generic(fallback.toResponse(e));
    }
  }

  @Priority(1)
  static class RefusedFormRestMapper implements ExceptionMapper<RestException> {
    private final org.camunda.bpm.engine.rest.exception.RestExceptionHandler fallback =
        new org.camunda.bpm.engine.rest.exception.RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      Response r = refusal(e);
      return r != null ? r : generic(fallback.toResponse(e));
    }
  }
}
