package io.telejobs.notifier.delivery;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Sends email over SMTP with Angus Mail: multipart/alternative, plain text and HTML, stable Message-ID.
 * Connections are kept open and reused for the messages that follow, instead of a new connection per
 * message; up to a set number of messages are sent at once, each over a connection of its own. A
 * connection idle for longer than {@link #CHECK_AFTER_IDLE_NANOS} (a second) is checked with NOOP before
 * it is used (the server may have closed it) and opened again if it is gone; one in steady use is not,
 * since a NOOP before every message is one more round trip per email.
 */
public final class SmtpEmailSender implements EmailSender {
  /** A kept connection idle this long is checked (NOOP) before the next message. */
  static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;

  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class path every
    // time it builds a body part or encodes a header (jakartaee/mail-api#699, #861, open): profiled, that
    // scan was about a third of the delivery thread's CPU per email. Naming the provider makes the lookup a
    // class load by name. A value set by the operator is kept.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final Session session;
  private final InternetAddress from;
  private final LongSupplier nanos;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>(); // guarded by itself
  private boolean closed; // guarded by idle

  /** A sender that keeps one connection. */
  public SmtpEmailSender(SmtpSettings settings) {
    this(settings, 1);
  }

  /** @param connections how many messages may be sent at once, each over a connection of its own */
  public SmtpEmailSender(SmtpSettings settings, int connections) {
    this(settings, connections, System::nanoTime, null);
  }

  /**
   * @param nanos the monotonic clock idle time is measured on
   * @param debug where Angus Mail writes the SMTP dialogue, or null for nowhere (tests read it)
   */
  SmtpEmailSender(SmtpSettings settings, int connections, LongSupplier nanos, PrintStream debug) {
    if (connections < 1) {
      throw new IllegalArgumentException("at least one SMTP connection, was " + connections);
    }
    this.permits = new Semaphore(connections);
    this.nanos = nanos;
    Properties p = new Properties();
    String proto = settings.security().equals("tls") ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", settings.host());
    p.put("mail." + proto + ".port", Integer.toString(settings.port()));
    String ms = Long.toString(settings.timeout().toMillis());
    p.put("mail." + proto + ".connectiontimeout", ms);
    p.put("mail." + proto + ".timeout", ms);
    p.put("mail." + proto + ".writetimeout", ms);
    if (settings.security().equals("starttls")) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (settings.security().equals("tls")) {
      p.put("mail.smtps.ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (!settings.username().isEmpty()) {
      p.put("mail." + proto + ".auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(settings.username(), settings.password());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
    if (debug != null) {
      session.setDebugOut(debug);
      session.setDebug(true);
    }
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("bad From address '" + settings.from() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void send(Email email) throws DeliveryException {
    try {
      MimeMessage msg = new StableIdMessage(session, email.messageId());
      msg.setFrom(from);
      msg.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
      msg.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      for (Map.Entry<String, String> h : email.headers().entrySet()) {
        msg.setHeader(h.getKey(), h.getValue());
      }
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      msg.setContent(alternative);
      msg.saveChanges();
      deliver(msg);
    } catch (AddressException e) {
      throw new DeliveryException("invalid address " + email.to() + ": " + e.getMessage(), false, e);
    } catch (SendFailedException e) {
      throw new DeliveryException("SMTP refused the message: " + e.getMessage(), true, e);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP failure: " + e.getMessage(), true, e);
    }
  }

  /**
   * Sends over a kept connection, opening one when none is free and fewer than the limit are open. A kept
   * connection that turns out to be lost (the server closed it since its last message) is dropped and the
   * message tried once more on a new one (were it lost after the server took the message, the receiver
   * would get it twice with the same Message-ID, as after any retry); a new connection that fails is
   * dropped, and the caller's retry opens another.
   */
  private void deliver(MimeMessage msg) throws MessagingException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessagingException("interrupted while waiting for a free SMTP connection", e);
    }
    Connection c;
    synchronized (idle) {
      c = idle.pollFirst(); // the one used last: the least likely to have been dropped by the server
    }
    try {
      // isConnected() sends NOOP: only for a connection that sat idle, which the server may have dropped
      if (c != null && nanos.getAsLong() - c.lastUsed > CHECK_AFTER_IDLE_NANOS && !c.transport.isConnected()) {
        closeQuietly(c);
        c = null;
      }
      if (c != null) {
        try {
          sendOn(c, msg);
          return;
        } catch (Lost e) {
          c = null; // sendOn closed it; once more on a new connection
        }
      }
      c = open();
      try {
        sendOn(c, msg);
      } catch (Lost e) {
        c = null;
        throw e.failure;
      }
    } finally {
      if (c != null) {
        keep(c);
      }
      permits.release();
    }
  }

  private Connection open() throws MessagingException {
    Transport t = session.getTransport();
    t.connect();
    return new Connection(t);
  }

  /**
   * One message on {@code c}. A refusal of this message leaves the connection open and is thrown as it is;
   * a failure of the connection closes it and is thrown as {@link Lost}.
   */
  private void sendOn(Connection c, MimeMessage msg) throws MessagingException, Lost {
    try {
      c.transport.sendMessage(msg, msg.getAllRecipients());
      c.lastUsed = nanos.getAsLong();
    } catch (SendFailedException e) {
      if (c.transport.isConnected()) {
        throw e; // the server refused this message; the connection is still good
      }
      // a connection the server had closed ends in "[EOF]", which Angus Mail reports as a refusal
      closeQuietly(c);
      throw new Lost(new MessagingException("the connection was lost: " + e.getMessage(), e));
    } catch (MessagingException e) {
      closeQuietly(c);
      throw new Lost(e);
    }
  }

  /** The connection failed (and was closed) while sending; {@code failure} says how. */
  private static final class Lost extends Exception {
    private static final long serialVersionUID = 1L;
    final transient MessagingException failure;

    Lost(MessagingException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }

  /** Puts a connection back for the next message, unless the sender was closed meanwhile. */
  private void keep(Connection c) {
    synchronized (idle) {
      if (!closed) {
        idle.addFirst(c);
        return;
      }
    }
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.transport.close();
    } catch (MessagingException e) {
      // the connection is being dropped anyway
    }
  }

  /** Closes the kept connections (QUIT); a message being sent closes its own when it is done. */
  public void close() {
    List<Connection> open;
    synchronized (idle) {
      closed = true;
      open = new ArrayList<>(idle);
      idle.clear();
    }
    open.forEach(SmtpEmailSender::closeQuietly);
  }

  /** One SMTP connection and when it was last used ({@code nanos()}). */
  private static final class Connection {
    final Transport transport;
    long lastUsed;

    Connection(Transport transport) {
      this.transport = transport;
    }
  }

  /** Keeps our Message-ID; {@link MimeMessage#saveChanges()} would otherwise make a new one. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
