package io.telejobs.notifier.delivery;

/** Sends an email. The SMTP implementation is the production one. */
@FunctionalInterface
public interface EmailSender {
  /**
   * Hands {@code email} to the mail server.
   *
   * @throws DeliveryException when the server refuses it or cannot be reached
   */
  void send(Email email) throws DeliveryException;
}
