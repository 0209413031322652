package io.linli.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests refused before any controller sees them, answered 400 (413 for an oversized upload) in
 * the API's shape instead of the container's 500, in every profile:
 *
 * <ul>
 *   <li>what Spring Security's {@code StrictHttpFirewall} refuses (a URL with NUL, an encoded
 *       slash, …; a header value that is not ISO-8859-1 printable text, e.g. UTF-8 bytes): a {@link
 *       RequestRejectedHandler}, which {@code WebSecurity} picks up from the context;
 *   <li>the screen filter, just inside the firewall, reads every header value through it at once,
 *       so such a header is a 400 on every endpoint rather than only where something reads it, and
 *       parses a multipart body up front, so a broken one (NUL in a file name) is a 400.
 * </ul>
 */
@Configuration
class RejectedRequests {

  static final String TITLE = "请求被拒绝：地址或请求头含有不允许的字符";

  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json, List<ErrorAnswer> answers) {
    return (request, response, e) -> write(request, response, 400, TITLE, json, answers);
  }

  @Bean
  FilterRegistrationBean<Screen> requestScreen(ObjectMapper json, List<ErrorAnswer> answers) {
    FilterRegistrationBean<Screen> r = new FilterRegistrationBean<>(new Screen(json, answers));
    // Just after Spring Security's filter chain (-100), which wraps the request in the firewall.
    r.setOrder(-99);
    return r;
  }

  static class Screen extends OncePerRequestFilter {
    private final ObjectMapper json;
    private final List<ErrorAnswer> answers;

    Screen(ObjectMapper json, List<ErrorAnswer> answers) {
      this.json = json;
      this.answers = answers;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        for (String name : Collections.list(request.getHeaderNames())) {
          Collections.list(request.getHeaders(name));
        }
      } catch (RequestRejectedException e) {
        write(request, response, 400, TITLE, json, answers);
        return;
      }
      String type = request.getContentType();
      // Spring MVC's uploads only: /engine-rest (Jersey) and /camunda parse their own.
      String uri = request.getRequestURI();
      if (type != null
          && type.regionMatches(true, 0, "multipart/", 0, 10)
          && "POST".equals(request.getMethod())
          && !uri.startsWith("/engine-rest/")
          && !uri.startsWith("/camunda/")) {
        try {
          request.getParts();
        } catch (IllegalStateException e) {
          if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("Size")) {
            write(request, response, 413, "上传内容过大", json, answers);
            return;
          }
          // not a size limit (e.g. no multipart configuration here): the servlet decides
        } catch (IOException | ServletException | RuntimeException e) {
          write(request, response, 400, "上传内容无效（multipart 格式或文件名有误）", json, answers);
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      ObjectMapper json,
      List<ErrorAnswer> answers)
      throws IOException {
    if (response.isCommitted()) return;
    response.resetBuffer();
    response.setStatus(status);
    for (ErrorAnswer a : answers) {
      if (a.handles(request)) {
        ResponseEntity<String> shaped = a.answer(request, status, title, List.of());
        response.setContentType(String.valueOf(shaped.getHeaders().getContentType()));
        response.getOutputStream().write(shaped.getBody().getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    response.setHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
