package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.Fixtures;
import io.telejobs.notifier.security.TokenSigner;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /**
   * What the server received decodes to the rendered text and HTML, in UTF-8, for rendered alerts about
   * jobs with titles as employers wrote them (accents, dashes, full-width letters, symbols) and for bodies
   * with what a transfer encoding must escape (an equals sign, trailing spaces, a long line, tabs, a lone
   * carriage return).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Télésanté – Chef de projet
      Projektmanager (m/w/d) Digital Health
      Ｐｒｏｊｅｃｔ Ｍａｎａｇｅｒ
      Epic Clin Doc Analyst II — Remote
      Mental Health & Wellness Program Coordinator 🩺 <b>urgent</b>
      """)
  void theServerReceivesTheRenderedTextAndHtml(String title) throws Exception {
    EmailRenderer renderer = new EmailRenderer("https://alerts.example.org/",
        new TokenSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    MatchedJob job = Fixtures.job("j-1", title, Tier.CORE, Level.MID, "DE", WorkMode.REMOTE, "EUR", 70000, 85000);
    Email rendered = renderer.render(new Alert(Alert.SCHEMA_VERSION, Alert.idFor("sub-1", job.jobId()),
        Fixtures.subscription("sub-1", "ana@example.com", Criteria.any()), job, List.of(), Fixtures.AT));
    Email awkward = new Email("ana@example.com", title, "pay = 70,000 EUR   \n\tand " + "x".repeat(300) + "\rend \n",
        "<p style=\"a=b\">" + title + "</p>" + "y".repeat(120) + "   ", "<odd-1@alerts.telejobs>", Map.of());
    for (Email email : List.of(rendered, awkward)) {
      GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      SmtpEmailSender sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "none",
          "", "", "alerts@telejobs.example", Duration.ofSeconds(5)), 1, System::nanoTime, null);
      try {
        sender.send(email);
        MimeMessage got = smtp.getReceivedMessages()[0];
        MimeMultipart parts = (MimeMultipart) got.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(lines(parts.getBodyPart(0).getContent())).isEqualTo(lines(email.text()));
        assertThat(lines(parts.getBodyPart(1).getContent())).isEqualTo(lines(email.html()));
        assertThat(got.getSubject()).isEqualTo(email.subject());
      } finally {
        sender.close();
        smtp.stop();
      }
    }
  }

  /** Line ends as the receiver's library hands them over (CRLF on the wire) compared as LF. */
  private static String lines(Object content) {
    return ((String) content).replace("\r\n", "\n").replace("\r", "\n");
  }

  @Test
  void aConnectionInSteadyUseIsNotCheckedBeforeEachMessageAndOneLeftIdleIs() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    ByteArrayOutputStream dialogue = new ByteArrayOutputStream();
    SmtpEmailSender sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "none", "",
        "", "alerts@telejobs.example", Duration.ofSeconds(5)), 1, nanos::get,
        new PrintStream(dialogue, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 3; i++) {
        sender.send(email(i));
        nanos.addAndGet(SmtpEmailSender.CHECK_AFTER_IDLE_NANOS / 2);
      }
      assertThat(commands(dialogue, "NOOP")).isZero();
      assertThat(commands(dialogue, "EHLO")).isEqualTo(1); // one connection for all three

      nanos.addAndGet(SmtpEmailSender.CHECK_AFTER_IDLE_NANOS);
      sender.send(email(3));
      assertThat(commands(dialogue, "NOOP")).isEqualTo(1);
      assertThat(commands(dialogue, "EHLO")).isEqualTo(1); // the server still had it: no new connection
      assertThat(smtp.getReceivedMessages()).hasSize(4);
    } finally {
      sender.close();
      smtp.stop();
    }
  }

  @Test
  void sendersOnManyThreadsShareAtMostTheConnectionsAllowed() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    ByteArrayOutputStream dialogue = new ByteArrayOutputStream();
    SmtpEmailSender sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "none", "",
        "", "alerts@telejobs.example", Duration.ofSeconds(5)), 2, System::nanoTime,
        new PrintStream(dialogue, true, StandardCharsets.UTF_8));
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> sent = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int first = t * 10;
        sent.add(threads.submit(() -> {
          start.await();
          for (int i = first; i < first + 10; i++) {
            sender.send(email(i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : sent) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
        try {
          return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }).distinct()).hasSize(60);
      assertThat(commands(dialogue, "EHLO")).isBetween(1L, 2L);
    } finally {
      threads.shutdownNow();
      sender.close();
      smtp.stop();
    }
  }

  /**
   * A minimal SMTP server on a loopback socket that closes its first connection when the second message
   * starts (at MAIL FROM, as a server restarting between messages would), and serves later connections.
   */
  private static final class DroppingServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread = new Thread(this::serve, "dropping-smtp");

    DroppingServer() throws java.io.IOException {
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (java.net.Socket s = socket.accept()) {
          int connection = connections.incrementAndGet();
          var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          var out = new PrintStream(s.getOutputStream(), true, StandardCharsets.US_ASCII);
          out.print("220 stub\r\n");
          int messages = 0;
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            if (verb.equals("MAIL") && connection == 1 && messages == 1) {
              break; // the server goes away between two messages: the socket closes
            }
            switch (verb) {
              case "DATA" -> {
                out.print("354 go on\r\n");
                for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                  // the message itself
                }
                messages++;
                accepted.incrementAndGet();
                out.print("250 queued\r\n");
              }
              case "QUIT" -> out.print("221 bye\r\n");
              default -> out.print("250 ok\r\n");
            }
          }
        } catch (java.io.IOException e) {
          // the test closed the server socket, or the client went away
        }
      }
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  @Test
  void aKeptConnectionTheServerClosedIsReplacedAndTheMessageGoesOutOnANewOne() throws Exception {
    try (DroppingServer server = new DroppingServer()) {
      SmtpEmailSender sender = new SmtpEmailSender(new SmtpSettings("127.0.0.1", server.socket.getLocalPort(), "none",
          "", "", "alerts@telejobs.example", Duration.ofSeconds(5)));
      try {
        sender.send(email(0));
        // the dropped connection reads end-of-stream, which Angus Mail reports as a refusal: still a lost connection
        sender.send(email(1));
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.accepted.get()).isEqualTo(2);
        sender.send(email(2)); // the new connection is kept
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.accepted.get()).isEqualTo(3);
      } finally {
        sender.close();
      }
    }
  }

  @Test
  void theMailStreamProviderIsNamedSoJakartaMailDoesNotScanTheClassPathPerMessage() {
    new SmtpEmailSender(new SmtpSettings("127.0.0.1", 25, "none", "", "", "alerts@telejobs.example",
        Duration.ofSeconds(5)));
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }

  /** How many times the client sent {@code command} in Angus Mail's debug transcript. */
  private static long commands(ByteArrayOutputStream dialogue, String command) {
    return dialogue.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(command)).count();
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
