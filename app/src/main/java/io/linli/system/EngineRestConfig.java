package io.linli.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus one rule: when a Linli listener refuses
 * what a Tasklist form sent (a {@link BadUserRequestException} somewhere in the cause chain), the
 * answer is 400 with that message, not the 500 the engine's wrapping would give.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedFormMapper.class);
    register(RefusedFormRestMapper.class);
  }

  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException b) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "BadUserRequestException", "message", b.getMessage()))
            .build();
      }
    }
    return null;
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
