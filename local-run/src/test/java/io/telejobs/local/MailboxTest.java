package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mailbox writes each message once, whatever order GreenMail lists them in between passes. */
class MailboxTest {
  @TempDir
  Path dir;

  @Test
  void aMessageKeepsItsFileWhenMailForAnEarlierMailboxArrivesLater() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      Mailbox mailbox = new Mailbox(smtp, dir);
      GreenMailUtil.sendTextEmail("ana@example.com", "alerts@example.org", "New job: one", "1", smtp.getSmtp().getServerSetup());
      GreenMailUtil.sendTextEmail("ben@example.com", "alerts@example.org", "New job: two", "2", smtp.getSmtp().getServerSetup());
      mailbox.write();
      // GreenMail lists ana's mailbox first: this one now sits before ben's message
      GreenMailUtil.sendTextEmail("ana@example.com", "alerts@example.org", "New job: three", "3", smtp.getSmtp().getServerSetup());
      mailbox.write();

      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(3);
      }
      assertThat(dir.resolve("index.html")).content().contains("3 message(s)");
    } finally {
      smtp.stop();
    }
  }
}
