package io.linli.resident;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resident page (static/resident: plain HTML, CSS and JavaScript, nothing from a CDN) at {@code
 * /resident/}; {@code ?community=…&estate=…&building=…} prefills the location (QR codes).
 */
@Configuration(proxyBeanMethods = false)
class ResidentPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/resident", "/resident/").setKeepQueryParams(true);
    registry.addViewController("/resident/").setViewName("forward:/resident/index.html");
  }
}
