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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Sends email over SMTP with Angus Mail: multipart/alternative, plain text and HTML, stable Message-ID.
 * One connection is kept open and reused for the messages that follow (checked with NOOP before each
 * use, opened again when the server has closed it), instead of a new connection per message.
 */
public final class SmtpEmailSender implements EmailSender {
  private final Session session;
  private final InternetAddress from;
  private Transport transport; // guarded by this

  public SmtpEmailSender(SmtpSettings settings) {
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

  /** Sends over the kept connection; a connection that failed is dropped, and the caller's retry opens a new one. */
  private synchronized void deliver(MimeMessage msg) throws MessagingException {
    if (transport == null || !transport.isConnected()) {
      closeQuietly();
      transport = session.getTransport();
      transport.connect();
    }
    try {
      transport.sendMessage(msg, msg.getAllRecipients());
    } catch (SendFailedException e) {
      throw e; // the server refused this message; the connection is still good
    } catch (MessagingException e) {
      closeQuietly();
      throw e;
    }
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the connection is being dropped anyway
      }
      transport = null;
    }
  }

  /** Closes the kept connection (QUIT). */
  public synchronized void close() {
    closeQuietly();
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
