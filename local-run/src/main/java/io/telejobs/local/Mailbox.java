package io.telejobs.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * A local mailbox: a real SMTP server (GreenMail) whose received messages are written as {@code .eml}
 * files, openable in any mail client, with an {@code index.html} listing them.
 */
final class Mailbox implements AutoCloseable {
  private final GreenMail smtp;
  private final Path folder;

  Mailbox(GreenMail smtp, Path folder) {
    this.smtp = smtp;
    this.folder = folder;
  }

  /** The SMTP port the server listens on. */
  int port() {
    return smtp.getSmtp().getPort();
  }

  int received() {
    return smtp.getReceivedMessages().length;
  }

  /** Writes every received message; returns the index page. */
  Path write() throws IOException, MessagingException {
    Files.createDirectories(folder);
    StringBuilder rows = new StringBuilder();
    MimeMessage[] messages = smtp.getReceivedMessages();
    for (int i = 0; i < messages.length; i++) {
      MimeMessage m = messages[i];
      String to = GreenMailUtil.getAddressList(m.getAllRecipients());
      String file = String.format(Locale.ROOT, "%03d-%s.eml", i + 1, to.replaceAll("[^A-Za-z0-9@._-]", "_"));
      try (OutputStream out = Files.newOutputStream(folder.resolve(file))) {
        m.writeTo(out);
      }
      rows.append("<tr><td>").append(Entities.escape(to)).append("</td><td><a href=\"")
          .append(Entities.escape(file)).append("\">").append(Entities.escape(String.valueOf(m.getSubject())))
          .append("</a></td><td>").append(Entities.escape(String.valueOf(m.getMessageID()))).append("</td></tr>\n");
    }
    Path index = folder.resolve("index.html");
    Files.writeString(index, "<!doctype html><html><head><meta charset=\"utf-8\"><title>telejobs local mailbox</title>"
        + "<style>body{font-family:sans-serif}td{padding:4px 10px;border-bottom:1px solid #ddd}</style></head><body>"
        + "<h1>Local mailbox</h1><p>" + messages.length + " message(s). Open an .eml file in any mail client.</p>"
        + "<table><tr><th>To</th><th>Subject</th><th>Message-ID</th></tr>\n" + rows + "</table></body></html>",
        StandardCharsets.UTF_8);
    return index;
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
