package io.linli.notification;

/**
 * The pluggable SMS gateway. Linli ships {@link HttpSmsGateway}; a provider's SDK can be plugged in
 * as another bean implementing this interface.
 */
public interface SmsGateway {

  /**
   * @param e164 the recipient, e.g. {@code +8613800001234}
   * @param idempotencyKey the same for every attempt of one message
   * @throws Exception when the gateway did not accept the message
   */
  void send(String e164, String text, String idempotencyKey) throws Exception;

  /** False when no gateway is configured: SMS rows then fail at once with a clear reason. */
  default boolean configured() {
    return true;
  }
}
