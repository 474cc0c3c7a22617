package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeliveryRecord;
import java.net.URI;
import java.util.Locale;

/** The receiver a delivery goes to, as the {@link Breakers} key: the SMTP server, or a webhook's host and port. */
final class Destinations {
  private Destinations() {}

  static String of(Alert alert, DeliveryRecord.Channel channel) {
    if (channel == DeliveryRecord.Channel.EMAIL) {
      return "smtp";
    }
    try {
      URI u = URI.create(alert.subscription().webhookUrl().strip());
      String host = u.getHost() == null ? "?" : u.getHost().toLowerCase(Locale.ROOT);
      return "webhook:" + host + ":" + u.getPort();
    } catch (RuntimeException e) {
      return "webhook:invalid";
    }
  }
}
