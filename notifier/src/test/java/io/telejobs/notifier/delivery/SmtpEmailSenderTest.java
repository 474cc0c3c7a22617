package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SMTP sender against a real SMTP server in the JVM (GreenMail): one kept connection, and outages. */
class SmtpEmailSenderTest {
  private static Email email(int i) {
    return new Email("nurse" + i + "@example.org", "New job: Telehealth Program Manager " + i, "text " + i,
        "<p>html " + i + "</p>", "<alert-" + i + "@alerts.telejobs>", Map.of());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void afterTheServerWentAwayTheNextMessageOpensANewConnection() throws Exception {
    int port = freePort();
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail smtp = new GreenMail(setup);
    smtp.start();
    SmtpEmailSender sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", port, "none", "", "",
        "alerts@telejobs.example", Duration.ofSeconds(5)));
    try {
      for (int i = 0; i < 5; i++) {
        sender.send(email(i));
      }
      assertThat(smtp.getReceivedMessages()).hasSize(5);
      assertThat(smtp.getReceivedMessages()[4].getMessageID()).isEqualTo("<alert-4@alerts.telejobs>");

      smtp.stop(); // the server goes away with our connection open
      assertThatThrownBy(() -> sender.send(email(5))).isInstanceOf(DeliveryException.class)
          .hasMessageStartingWith("SMTP failure");

      GreenMail back = new GreenMail(setup);
      back.start();
      try {
        sender.send(email(6)); // a new connection is opened
        assertThat(back.getReceivedMessages()).singleElement()
            .satisfies(m -> assertThat(m.getSubject()).isEqualTo("New job: Telehealth Program Manager 6"));
      } finally {
        back.stop();
      }
    } finally {
      sender.close();
      smtp.stop();
    }
  }
}
