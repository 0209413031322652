package io.linli.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and the shared rules of the API reference (springdoc builds the rest from the
 * controllers).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  @Bean
  OpenAPI linliOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("邻里 Linli API")
                .version("1")
                .license(new License().name("Apache-2.0"))
                .description(
                    """
            居民诉求、服务单、议事协商的受理与查询，督查台账与比率，Open311 GeoReport v2。

            错误格式：参数错误为 400，正文为 problem+json，`errors` 逐项列出字段（`field`）及中文说明（`message`）；\
            无权访问为 401/403，不存在或无权查看的案件一律 404；状态冲突为 409；提交过于频繁为 429 \
            并带 `Retry-After`；数据库暂不可用为 503 并带 `Retry-After`。任何错误都不返回 Java 类型或堆栈。\
            重试安全：受理接口接受 `Idempotency-Key` 请求头，同一键的重试得到第一次的答复。"""));
  }
}
