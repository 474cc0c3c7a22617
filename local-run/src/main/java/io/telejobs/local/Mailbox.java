package io.telejobs.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local mailbox a newcomer can read: a real SMTP server (GreenMail) whose messages are written as {@code .eml}
 * files (openable in any mail client) and as their HTML part, with an {@code index.html} that shows every email
 * as it will look, newest first. The index is rewritten as mail arrives (checked every second) and reloads
 * itself in the browser.
 */
final class Mailbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

  private final GreenMail smtp;
  private final Path folder;
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mailbox-writer");
    t.setDaemon(true);
    return t;
  });
  private int written = -1;

  Mailbox(GreenMail smtp, Path folder) {
    this.smtp = smtp;
    this.folder = folder;
  }

  /** Rewrites the mailbox whenever a new message has arrived, from now until closed. */
  Mailbox watch() {
    watcher.scheduleWithFixedDelay(() -> {
      try {
        if (received() != written) {
          write();
        }
      } catch (IOException | MessagingException | RuntimeException e) {
        LOG.warn("could not update the local mailbox in {}: {}", folder, e.getMessage());
      }
    }, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  /** The SMTP port the server listens on. */
  int port() {
    return smtp.getSmtp().getPort();
  }

  int received() {
    return smtp.getReceivedMessages().length;
  }

  /** "20261204-131502-alert-3f2a…" from the message's sent time and Message-ID: the same file on every pass. */
  private static String fileName(MimeMessage m) throws MessagingException {
    Date sent = m.getSentDate();
    String when = sent == null ? "00000000-000000" : java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(java.time.ZoneOffset.UTC).format(sent.toInstant());
    String id = m.getMessageID() == null ? Integer.toHexString(System.identityHashCode(m)) : m.getMessageID();
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "");
    return when + "-" + (safe.length() > 60 ? safe.substring(0, 60) : safe);
  }

  /** Writes every received message; returns the index page. */
  synchronized Path write() throws IOException, MessagingException {
    Files.createDirectories(folder);
    StringBuilder items = new StringBuilder();
    // GreenMail lists messages mailbox by mailbox, so a position is not a message's identity: a new message
    // for an earlier mailbox shifts the others. Each file is named after the message itself (its sent time and
    // Message-ID), and the page shows them in the order they were sent.
    java.util.List<MimeMessage> sorted = new java.util.ArrayList<>(java.util.List.of(smtp.getReceivedMessages()));
    java.util.Map<MimeMessage, String> names = new java.util.IdentityHashMap<>();
    for (MimeMessage m : sorted) {
      names.put(m, fileName(m));
    }
    sorted.sort(java.util.Comparator.comparing(names::get));
    MimeMessage[] messages = sorted.toArray(new MimeMessage[0]);
    for (int i = messages.length - 1; i >= 0; i--) {
      MimeMessage m = messages[i];
      String to = GreenMailUtil.getAddressList(m.getAllRecipients());
      String name = names.get(m);
      try (OutputStream out = Files.newOutputStream(folder.resolve(name + ".eml"))) {
        m.writeTo(out);
      }
      String html = htmlPart(m);
      if (html == null) {
        String text = textPart(m);
        html = "<!doctype html><meta charset=\"utf-8\"><pre style=\"white-space:pre-wrap;font-family:sans-serif\">"
            + Entities.escape(text == null ? "" : text) + "</pre>";
      }
      Files.writeString(folder.resolve(name + ".html"), html, StandardCharsets.UTF_8);
      Date sent = m.getSentDate();
      items.append("<section class=\"mail\"><header><strong>").append(Entities.escape(String.valueOf(m.getSubject())))
          .append("</strong><br>to ").append(Entities.escape(to)).append(sent == null ? "" : " · " + Entities.escape(
              sent.toInstant().toString())).append(" · <a href=\"").append(Entities.escape(name + ".eml"))
          .append("\">.eml</a></header><iframe sandbox title=\"").append(Entities.escape(String.valueOf(m.getSubject())))
          .append("\" src=\"").append(Entities.escape(name + ".html")).append("\"></iframe></section>\n");
    }
    Path index = folder.resolve("index.html");
    Path next = folder.resolve("index.html.tmp");
    Files.writeString(next, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"5\"><title>telejobs local mailbox</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:52em;margin:1.5em auto;padding:0 1em;color:#1d2733}"
        + ".mail{border:1px solid #d5dbe3;border-radius:6px;margin:1em 0;overflow:hidden}"
        + ".mail header{background:#f3f6f9;padding:.6em .9em}iframe{width:100%;height:26em;border:0}</style></head><body>"
        + "<h1>Local mailbox</h1><p>" + messages.length + " message(s), newest first. This page reloads itself as "
        + "mail arrives; open an .eml file in any mail client to see the raw message.</p>\n" + items
        + "</body></html>", StandardCharsets.UTF_8);
    Files.move(next, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    written = messages.length;
    return index;
  }

  private static String htmlPart(Part p) throws IOException, MessagingException {
    return part(p, "text/html");
  }

  private static String textPart(Part p) throws IOException, MessagingException {
    return part(p, "text/plain");
  }

  private static String part(Part p, String type) throws IOException, MessagingException {
    if (p.isMimeType(type)) {
      return String.valueOf(p.getContent());
    }
    if (p.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        String found = part(b, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    smtp.stop();
  }
}
