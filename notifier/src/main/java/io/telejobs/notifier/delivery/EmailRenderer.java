package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.notifier.security.TokenSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * Renders an alert as an email with HTML and plain-text parts. Every piece of scraped content is
 * escaped with Jsoup's {@link Entities}, so a posting cannot inject markup or script. Every email
 * carries a one-click unsubscribe link signed for its subscription (RFC 8058 headers).
 */
public final class EmailRenderer {
  private final String publicUrl;
  private final TokenSigner signer;

  /** @param publicUrl base URL of the subscription service, for unsubscribe links */
  public EmailRenderer(String publicUrl, TokenSigner signer) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.signer = signer;
  }

  public Email render(Alert alert) {
    MatchedJob job = alert.job();
    String subId = alert.subscription().id();
    String unsubscribe = publicUrl + "/unsubscribe?s=" + enc(subId) + "&t=" + enc(signer.sign("unsubscribe", subId));
    String company = job.posting().company() == null ? "" : job.posting().company();
    String where = String.join("; ", job.posting().locations());
    String pay = pay(job.salary());
    String tags = job.tier().name().toLowerCase(Locale.ROOT) + " · " + job.level().name().toLowerCase(Locale.ROOT)
        + " · " + job.workMode().name().toLowerCase(Locale.ROOT);
    String link = job.posting().applyUrl() != null ? job.posting().applyUrl() : job.posting().sourceUrl();
    String subject = oneLine("New job: " + job.posting().title() + (company.isEmpty() ? "" : " at " + company));

    String text = job.posting().title() + "\n"
        + (company.isEmpty() ? "" : company + "\n")
        + (where.isEmpty() ? "" : where + "\n")
        + tags + "\n"
        + (pay == null ? "" : pay + "\n")
        + "\n" + link + "\n\n"
        + "Why you got this: it fits your alert (" + subId + ").\n"
        + "Unsubscribe: " + unsubscribe + "\n";

    String html = "<!doctype html><html><body style=\"font-family:sans-serif\">"
        + "<h2><a href=\"" + attr(link) + "\">" + esc(job.posting().title()) + "</a></h2>"
        + (company.isEmpty() ? "" : "<p><strong>" + esc(company) + "</strong></p>")
        + (where.isEmpty() ? "" : "<p>" + esc(where) + "</p>")
        + "<p>" + esc(tags) + "</p>"
        + (pay == null ? "" : "<p>" + esc(pay) + "</p>")
        + "<p style=\"color:#666;font-size:small\">You get this because it fits your alert. "
        + "<a href=\"" + attr(unsubscribe) + "\">Unsubscribe</a></p>"
        + "</body></html>";

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return new Email(alert.subscription().email(), subject, text, html,
        "<" + alert.alertId() + "@alerts.telejobs>", headers);
  }

  /** The double opt-in email: nothing is sent to this address until its link is followed. */
  public Email confirmation(io.telejobs.contracts.Subscription s, String confirmToken) {
    String link = publicUrl + "/confirm?s=" + enc(s.id()) + "&t=" + enc(confirmToken);
    String text = "Please confirm your telehealth job alerts by opening this link:\n\n" + link + "\n\n"
        + "If you did not ask for job alerts, ignore this email: nothing will be sent.\n";
    String html = "<!doctype html><html><body style=\"font-family:sans-serif\"><p>Please confirm your telehealth job alerts.</p>"
        + "<p><a href=\"" + attr(link) + "\">Confirm my alerts</a></p>"
        + "<p style=\"color:#666;font-size:small\">If you did not ask for job alerts, ignore this email: nothing will be sent.</p>"
        + "</body></html>";
    return new Email(s.email(), "Confirm your telehealth job alerts", text, html,
        "<confirm-" + s.id() + "-" + s.updatedAt().toEpochMilli() + "@alerts.telejobs>", java.util.Map.of());
  }

  static String pay(NormalizedSalary s) {
    if (s == null) {
      return null;
    }
    NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
    f.setGroupingUsed(true);
    String min = s.annualMin() == null ? null : f.format(s.annualMin());
    String max = s.annualMax() == null ? null : f.format(s.annualMax());
    String range = min == null ? "up to " + max : max == null ? "from " + min
        : min.equals(max) ? min : min + " - " + max;
    return s.currency() + " " + range + " a year" + (s.band() == null ? ""
        : " (" + s.band().name().toLowerCase(Locale.ROOT) + " band)");
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }

  /** Only http(s) links are rendered as links; anything else becomes an inert "#". */
  private static String attr(String url) {
    String u = url == null ? "" : url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
      return "#";
    }
    return Entities.escape(u);
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return flat.length() > 180 ? flat.substring(0, 177) + "..." : flat;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
