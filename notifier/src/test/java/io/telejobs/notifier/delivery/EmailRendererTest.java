package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.Fixtures;
import io.telejobs.notifier.security.TokenSigner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmailRendererTest {
  private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final EmailRenderer renderer = new EmailRenderer("https://alerts.example.org/", signer);

  private Alert alert(MatchedJob job) {
    return new Alert(Alert.SCHEMA_VERSION, Alert.idFor("sub-1", job.jobId()),
        Fixtures.subscription("sub-1", "ana@example.com", Criteria.any()), job, java.util.List.of(), Fixtures.AT);
  }

  @Test
  void escapesScrapedContentInTheHtmlPart() {
    MatchedJob hostile = Fixtures.job("x", "<script>alert('pwn')</script> Telehealth PM", Tier.CORE, Level.MID,
        "US", WorkMode.REMOTE, "USD", 100000, 110000);

    Email email = renderer.render(alert(hostile));

    assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(email.text()).contains("<script>alert('pwn')</script> Telehealth PM");
  }

  @Test
  void carriesAStableMessageIdAndOneClickUnsubscribeSignedForTheSubscription() {
    MatchedJob job = Fixtures.telehealthJob("j1");
    Email first = renderer.render(alert(job));
    Email again = renderer.render(alert(job));

    assertThat(first.messageId()).isEqualTo(again.messageId()).startsWith("<").endsWith("@alerts.telejobs>");
    assertThat(first.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    String link = first.headers().get("List-Unsubscribe");
    assertThat(link).startsWith("<https://alerts.example.org/unsubscribe?s=sub-1&t=");
    String token = link.substring(link.indexOf("&t=") + 3, link.length() - 1);
    assertThat(signer.verify("unsubscribe", "sub-1", token)).isTrue();
  }

  @Test
  void saysWhyItFitsShowsPayAndLinksManageAndUnsubscribeWithNoInternalIds() {
    MatchedJob job = Fixtures.telehealthJob("j1");
    Email email = renderer.render(alert(job));

    assertThat(email.text()).contains("Pay: $120–140k a year").contains("Why it fits:")
        .contains("Apply: " + job.link())
        .contains("Manage this alert: https://alerts.example.org/manage?s=sub-1&t=")
        .doesNotContain("(sub-1)").doesNotContain("core · ");
    assertThat(email.html()).contains(">Apply</a>").contains("Manage this alert</a>").contains("<li>");
    String manage = email.text().substring(email.text().indexOf("/manage?s=sub-1&t=") + 18).lines().findFirst().orElseThrow();
    assertThat(signer.verify("manage", "sub-1", java.net.URLDecoder.decode(manage, StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void neverRendersANonHttpApplyLinkAsALink() {
    MatchedJob withEvilLink = Fixtures.job("j1", "Senior Telehealth Project Manager", Tier.CORE, Level.SENIOR, "US",
        WorkMode.REMOTE, "USD", 120000, 140000, "javascript:alert(1)");

    assertThat(renderer.render(alert(withEvilLink)).html()).doesNotContain("javascript:").contains("href=\"#\"");
  }
}
