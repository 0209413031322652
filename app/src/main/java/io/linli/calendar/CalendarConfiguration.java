package io.linli.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link WorkingCalendar} of the app, counting on the rows every node shares. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  WorkingCalendar workingCalendar(CalendarStore store) {
    return new WorkingCalendar(store::snapshot);
  }
}
