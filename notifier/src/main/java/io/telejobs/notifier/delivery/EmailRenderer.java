package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.notifier.security.TokenSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    String unsubscribe = unsubscribeLink(subId);
    String manage = manageLink(subId);
    String company = job.company() == null ? "" : job.company();
    String where = String.join("; ", job.locations());
    String pay = PayText.of(job.salary());
    String mode = switch (job.workMode()) {
      case REMOTE -> "Remote";
      case HYBRID -> "Hybrid";
      case ONSITE -> "On site";
      default -> null;
    };
    String facts = String.join(" · ", java.util.stream.Stream.of(where.isEmpty() ? null : where, mode,
        job.datePosted() == null ? null : "posted " + job.datePosted()).filter(java.util.Objects::nonNull).toList());
    java.util.List<String> why = WhyItFits.of(job, alert.subscription().criteria());
    String snippet = job.snippet() == null ? "" : job.snippet();
    String link = job.link();
    String subject = oneLine("New job: " + job.title() + (company.isEmpty() ? "" : " at " + company));

    StringBuilder text = new StringBuilder();
    text.append(job.title()).append('\n');
    if (!company.isEmpty()) {
      text.append(company).append('\n');
    }
    if (!facts.isEmpty()) {
      text.append(facts).append('\n');
    }
    if (pay != null) {
      text.append("Pay: ").append(pay).append('\n');
    }
    if (!snippet.isEmpty()) {
      text.append('\n').append(snippet).append('\n');
    }
    text.append("\nApply: ").append(link).append("\n\nWhy it fits:\n");
    why.forEach(w -> text.append("- ").append(w).append('\n'));
    text.append("\nManage this alert: ").append(manage).append("\nUnsubscribe: ").append(unsubscribe).append('\n');

    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:Arial,Helvetica,sans-serif;"
        + "color:#1d2733;max-width:40em\">");
    html.append("<h2 style=\"margin-bottom:.2em\"><a href=\"").append(attr(link)).append("\">").append(esc(job.title()))
        .append("</a></h2>");
    if (!company.isEmpty()) {
      html.append("<p style=\"margin:.2em 0\"><strong>").append(esc(company)).append("</strong></p>");
    }
    if (!facts.isEmpty()) {
      html.append("<p style=\"margin:.2em 0;color:#5b6776\">").append(esc(facts)).append("</p>");
    }
    if (pay != null) {
      html.append("<p style=\"margin:.2em 0\">Pay: ").append(esc(pay)).append("</p>");
    }
    if (!snippet.isEmpty()) {
      html.append("<p>").append(esc(snippet)).append("</p>");
    }
    html.append("<p><a href=\"").append(attr(link)).append("\" style=\"display:inline-block;background:#0b6e99;"
        + "color:#fff;padding:.5em 1.1em;border-radius:4px;text-decoration:none;font-weight:bold\">Apply</a></p>");
    html.append("<p style=\"margin-bottom:.2em\"><strong>Why it fits</strong></p><ul style=\"margin-top:0\">");
    why.forEach(w -> html.append("<li>").append(esc(w)).append("</li>"));
    html.append("</ul><p style=\"color:#5b6776;font-size:small\">You get this because it fits your alert. <a href=\"")
        .append(attr(manage)).append("\">Manage this alert</a> · <a href=\"").append(attr(unsubscribe))
        .append("\">Unsubscribe</a></p></body></html>");

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return new Email(alert.subscription().email(), subject, text.toString(), html.toString(),
        "<" + alert.alertId() + "@alerts.telejobs>", headers);
  }

  private String unsubscribeLink(String subId) {
    return publicUrl + "/unsubscribe?s=" + enc(subId) + "&t=" + enc(signer.sign("unsubscribe", subId));
  }

  /** The manage page, signed for this subscription: every email carries it. */
  private String manageLink(String subId) {
    return publicUrl + "/manage?s=" + enc(subId) + "&t=" + enc(signer.sign("manage", subId));
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

  /**
   * A digest: the subscriber's jobs grouped by tier, level and salary band, salary shown normalised, every
   * scraped string escaped. Its Message-ID is derived from subscriber and slot, so a resend can be dropped.
   */
  public Email digest(io.telejobs.contracts.Subscription s, java.util.List<Alert> alerts, java.time.Instant slot) {
    String subId = s.id();
    String unsubscribe = publicUrl + "/unsubscribe?s=" + enc(subId) + "&t=" + enc(signer.sign("unsubscribe", subId));
    java.util.Map<String, java.util.List<MatchedJob>> groups = new java.util.TreeMap<>();
    for (Alert a : alerts) {
      MatchedJob j = a.job();
      String level = j.level() == io.telejobs.contracts.Level.UNKNOWN ? "any level"
          : j.level().name().toLowerCase(Locale.ROOT) + " level";
      String group = j.tier().ordinal() + "|" + tierWords(j.tier()) + " · " + level;
      groups.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(j);
    }
    StringBuilder text = new StringBuilder("Your " + s.frequency().name().toLowerCase(Locale.ROOT) + " telehealth job digest: "
        + alerts.size() + " job(s)\n");
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\"><h2>"
        + alerts.size() + " new job(s) for you</h2>");
    for (var e : groups.entrySet()) {
      String heading = e.getKey().substring(e.getKey().indexOf('|') + 1);
      text.append("\n== ").append(heading).append(" ==\n");
      html.append("<h3>").append(esc(heading)).append("</h3><ul>");
      for (MatchedJob j : e.getValue()) {
        String company = j.company() == null ? "" : " at " + j.company();
        String link = j.link();
        String pay = PayText.of(j.salary());
        text.append("- ").append(j.title()).append(company).append(pay == null ? "" : " - " + pay)
            .append("\n  ").append(link).append('\n');
        html.append("<li><a href=\"").append(attr(link)).append("\">").append(esc(j.title())).append("</a>")
            .append(esc(company)).append(pay == null ? "" : " <small>" + esc(pay) + "</small>").append("</li>");
      }
      html.append("</ul>");
    }
    String manage = manageLink(subId);
    text.append("\nManage this alert: ").append(manage).append("\nUnsubscribe: ").append(unsubscribe).append('\n');
    html.append("<p style=\"color:#666;font-size:small\"><a href=\"").append(attr(manage))
        .append("\">Manage this alert</a> · <a href=\"").append(attr(unsubscribe))
        .append("\">Unsubscribe</a></p></body></html>");
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    String id = io.telejobs.contracts.Ids.sha256Hex(subId + "\u0000" + slot.getEpochSecond()).substring(0, 32);
    return new Email(s.email(), "Your telehealth job digest: " + alerts.size() + " job(s)", text.toString(),
        html.toString(), "<digest-" + id + "@alerts.telejobs>", headers);
  }

  /**
   * The "jobs that fit your alert now" email, sent once when a subscription is confirmed or its criteria
   * change: the best live jobs, each with why it fits, and how many fit in all.
   *
   * @param shown the jobs to show, best first
   * @param total how many live jobs fit
   */
  public Email currentMatches(io.telejobs.contracts.Subscription s, java.util.List<Alert> shown, int total) {
    String subId = s.id();
    String unsubscribe = unsubscribeLink(subId);
    String manage = manageLink(subId);
    String subject = total == 1 ? "1 job fits your alert now" : total + " jobs fit your alert now";
    StringBuilder text = new StringBuilder(subject + "\n");
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:Arial,Helvetica,sans-serif;"
        + "color:#1d2733;max-width:40em\"><h2>" + esc(subject) + "</h2>");
    if (total > shown.size()) {
      String more = "The best " + shown.size() + " of " + total + " are below; the rest fit too, and new ones will come "
          + "as they are posted.";
      text.append(more).append('\n');
      html.append("<p>").append(esc(more)).append("</p>");
    }
    html.append("<ol style=\"padding-left:1.2em\">");
    for (Alert a : shown) {
      MatchedJob j = a.job();
      String company = j.company() == null ? "" : j.company();
      String where = String.join("; ", j.locations());
      String pay = PayText.of(j.salary());
      java.util.List<String> why = WhyItFits.of(j, s.criteria());
      text.append("\n- ").append(j.title()).append(company.isEmpty() ? "" : " at " + company).append('\n');
      if (!where.isEmpty()) {
        text.append("  ").append(where).append('\n');
      }
      if (pay != null) {
        text.append("  Pay: ").append(pay).append('\n');
      }
      text.append("  Why: ").append(String.join("; ", why)).append('\n');
      text.append("  Apply: ").append(j.link()).append('\n');
      html.append("<li style=\"margin-bottom:.8em\"><a href=\"").append(attr(j.link())).append("\"><strong>")
          .append(esc(j.title())).append("</strong></a>").append(company.isEmpty() ? "" : " at " + esc(company));
      if (!where.isEmpty()) {
        html.append("<br><span style=\"color:#5b6776\">").append(esc(where)).append("</span>");
      }
      if (pay != null) {
        html.append("<br>Pay: ").append(esc(pay));
      }
      html.append("<br><small>Why: ").append(esc(String.join("; ", why))).append("</small></li>");
    }
    html.append("</ol>");
    text.append("\nManage this alert: ").append(manage).append("\nUnsubscribe: ").append(unsubscribe).append('\n');
    html.append("<p style=\"color:#5b6776;font-size:small\">You get this once, when your alert starts or changes. "
        + "<a href=\"").append(attr(manage)).append("\">Manage this alert</a> · <a href=\"").append(attr(unsubscribe))
        .append("\">Unsubscribe</a></p></body></html>");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    String id = io.telejobs.contracts.Ids.sha256Hex(subId + "\u0000current\u0000" + shown.stream().map(Alert::alertId)
        .sorted().reduce("", String::concat)).substring(0, 32);
    return new Email(s.email(), subject, text.toString(), html.toString(), "<current-" + id + "@alerts.telejobs>",
        headers);
  }

  /** The role families as the subscribe form names them. */
  static String tierWords(io.telejobs.contracts.Tier tier) {
    return switch (tier) {
      case CORE -> "Telehealth project and program management";
      case ADJACENT -> "Healthcare IT project management";
      case PATHWAY -> "Entry roles: coordinator, analyst, support";
      default -> "Other";
    };
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
