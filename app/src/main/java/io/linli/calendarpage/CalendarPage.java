package io.linli.calendarpage;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The calendar page (static/calendar: plain HTML, CSS and JavaScript, nothing from a CDN) at {@code
 * /calendar/}: a year as the SLA clocks count it and a due-date preview; it reads {@code
 * /calendar/api/**}.
 */
@Configuration(proxyBeanMethods = false)
class CalendarPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/calendar", "/calendar/");
    registry.addViewController("/calendar/").setViewName("forward:/calendar/index.html");
  }
}
