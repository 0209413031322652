package io.linli.supervision;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The supervisor page (static/supervision: plain HTML, CSS and JavaScript, SVG charts drawn by the
 * page, nothing from a CDN) at {@code /supervision/}; it reads {@code /supervision/api/**}.
 */
@Configuration(proxyBeanMethods = false)
class SupervisorPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/supervision", "/supervision/");
    registry.addViewController("/supervision/").setViewName("forward:/supervision/index.html");
  }
}
