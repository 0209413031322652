package io.linli.notification;

import org.springframework.context.ApplicationContext;

/** Lets tests of other packages run one outbox dispatch pass, as a node's scheduler would. */
public final class OutboxPasses {

  private OutboxPasses() {}

  public static int dispatchDue(ApplicationContext context) {
    return context.getBean(NotificationDispatcher.class).dispatchDue();
  }
}
