package io.linli.notification;

/** Sends one message on one channel; throws on failure so the dispatcher retries. */
interface NotificationSender {

  NotifyChannel channel();

  /**
   * @param dedupKey the outbox row's unique key, passed to gateways that de-duplicate, so a resend
   *     after an unknown outcome (timeout) is not delivered twice
   */
  void send(String address, String subject, String body, String dedupKey) throws DeliveryFailed;

  /** A failed attempt; {@code permanent} ones are not retried (e.g. channel not configured). */
  class DeliveryFailed extends Exception {
    private final boolean permanent;

    DeliveryFailed(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    boolean permanent() {
      return permanent;
    }
  }
}
