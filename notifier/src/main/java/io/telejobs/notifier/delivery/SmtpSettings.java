package io.telejobs.notifier.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the SMTP server.
 *
 * @param host server host
 * @param port server port
 * @param security none, starttls (upgrade required) or tls (implicit TLS)
 * @param username login, or empty for none
 * @param password password
 * @param from the From address
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(String host, int port, String security, String username, String password,
    String from, Duration timeout) {
  public SmtpSettings {
    security = security == null ? "none" : security.toLowerCase(Locale.ROOT);
    if (!security.equals("none") && !security.equals("starttls") && !security.equals("tls")) {
      throw new IllegalArgumentException("SMTP security must be none, starttls or tls, was " + security);
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("SMTP port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", " + security + ", user=" + (username.isEmpty() ? "-" : username) + "]";
  }
}
