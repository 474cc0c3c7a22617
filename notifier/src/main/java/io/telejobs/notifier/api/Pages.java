package io.telejobs.notifier.api;

import java.util.List;
import org.jsoup.nodes.Entities;

/** The few HTML pages of the subscription service. Every dynamic value is escaped. */
final class Pages {
  private Pages() {}

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Entities.escape(title)
        + "</title><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body><h1>" + Entities.escape(title)
        + "</h1>" + body + "</body></html>";
  }

  static String message(String title, String escapedText) {
    return page(title, "<p>" + escapedText + "</p>");
  }

  /** How often and when, in words. */
  static String schedule(io.telejobs.contracts.Subscription s) {
    String zone = s.timeZone() == null ? "UTC" : s.timeZone();
    return switch (s.frequency()) {
      case INSTANT -> "as soon as a job is posted";
      case DAILY -> "a daily digest at " + String.format(java.util.Locale.ROOT, "%02d:00", s.digestHour()) + " " + zone;
      case WEEKLY -> "a weekly digest at " + String.format(java.util.Locale.ROOT, "%02d:00", s.digestHour()) + " " + zone;
    };
  }

  /** The manage page: the alert's criteria, its state, and forms that change it (POST, with the signed token). */
  static String manage(io.telejobs.contracts.Subscription s, String token, String notice) {
    io.telejobs.contracts.Criteria c = s.criteria();
    StringBuilder b = new StringBuilder();
    if (notice != null) {
      b.append("<p class=\"notice\" role=\"status\">").append(Entities.escape(notice)).append("</p>");
    }
    b.append("<p>Alerts for <strong>").append(Entities.escape(String.valueOf(s.email() != null ? s.email() : s.webhookUrl())))
        .append("</strong> are <strong id=\"state\">").append(switch (s.status()) {
          case ACTIVE -> "on";
          case PAUSED -> "paused";
          case PENDING -> "waiting for your confirmation";
        }).append("</strong>, sent ").append(Entities.escape(schedule(s))).append(".</p>");
    b.append("<dl class=\"criteria\">");
    item(b, "Roles", c.tiers().stream().map(t -> switch (t) {
      case CORE -> "telehealth project and program management";
      case ADJACENT -> "healthcare IT project management";
      case PATHWAY -> "entry roles";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    }).toList(), "any");
    item(b, "Levels", c.levels().stream().map(l -> l.name().toLowerCase(java.util.Locale.ROOT)).toList(), "any");
    item(b, "Work mode", c.workModes().stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList(), "any");
    item(b, "Countries", List.copyOf(c.countries()), "any");
    item(b, "Places", List.copyOf(c.locations()), "any");
    item(b, "Minimum pay", c.minAnnualSalary() == null ? List.of()
        : List.of(c.salaryCurrency().equals("INR")
            ? "₹" + c.minAnnualSalary().movePointLeft(5).stripTrailingZeros().toPlainString() + " LPA"
            : c.minAnnualSalary().stripTrailingZeros().toPlainString() + " " + c.salaryCurrency() + " a year"), "none");
    item(b, "Must mention", List.copyOf(c.includeKeywords()), "nothing in particular");
    item(b, "Leave out words", List.copyOf(c.excludeKeywords()), "none");
    item(b, "Leave out companies", List.copyOf(c.excludeCompanies()), "none");
    b.append("</dl>");
    String hidden = "<input type=\"hidden\" name=\"s\" value=\"" + Entities.escape(s.id()) + "\">"
        + "<input type=\"hidden\" name=\"t\" value=\"" + Entities.escape(token) + "\">";
    b.append("<p><a id=\"edit\" href=\"/#manage=").append(Entities.escape(enc(s.id()))).append("&amp;t=")
        .append(Entities.escape(enc(token))).append("\">Edit what this alert looks for</a></p>");
    b.append("<form method=\"post\" action=\"/manage\" class=\"schedule\">").append(hidden)
        .append("<input type=\"hidden\" name=\"action\" value=\"schedule\">")
        .append("<div class=\"field\"><label for=\"frequency\">How often</label><select id=\"frequency\" name=\"frequency\">");
    for (io.telejobs.contracts.Frequency f : io.telejobs.contracts.Frequency.values()) {
      b.append("<option value=\"").append(f.name().toLowerCase(java.util.Locale.ROOT)).append("\"")
          .append(f == s.frequency() ? " selected" : "").append(">").append(switch (f) {
            case INSTANT -> "As soon as a job is posted";
            case DAILY -> "Daily digest";
            case WEEKLY -> "Weekly digest";
          }).append("</option>");
    }
    b.append("</select></div><div class=\"field\"><label for=\"digestHour\">Digest hour</label><span class=\"row\">")
        .append("<select id=\"digestHour\" name=\"digestHour\">");
    for (int h = 0; h < 24; h++) {
      b.append("<option value=\"").append(h).append("\"").append(h == s.digestHour() ? " selected" : "").append(">")
          .append(String.format(java.util.Locale.ROOT, "%02d:00", h)).append("</option>");
    }
    b.append("</select><input id=\"timeZone\" name=\"timeZone\" aria-label=\"Time zone\" value=\"")
        .append(Entities.escape(s.timeZone() == null ? "UTC" : s.timeZone())).append("\"></span></div>")
        .append("<button type=\"submit\">Save schedule</button></form>");
    b.append("<div class=\"actions\">");
    if (s.status() == io.telejobs.contracts.SubscriptionStatus.ACTIVE) {
      b.append(button(hidden, "pause", "Pause alerts", ""));
    } else if (s.status() == io.telejobs.contracts.SubscriptionStatus.PAUSED) {
      b.append(button(hidden, "resume", "Resume alerts", ""));
    }
    b.append(button(hidden, "delete", "Delete this alert", " danger")).append("</div>");
    return page("Manage your job alert", b.toString());
  }

  private static String button(String hidden, String action, String label, String cls) {
    return "<form method=\"post\" action=\"/manage\">" + hidden + "<input type=\"hidden\" name=\"action\" value=\""
        + action + "\"><button type=\"submit\" class=\"" + action + cls + "\">" + Entities.escape(label)
        + "</button></form>";
  }

  private static void item(StringBuilder b, String name, List<String> values, String none) {
    b.append("<dt>").append(Entities.escape(name)).append("</dt><dd>")
        .append(Entities.escape(values.isEmpty() ? none : String.join(", ", values.stream().sorted().toList())))
        .append("</dd>");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  static String unsubscribe(String id, String token) {
    String action = "/unsubscribe?s=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        + "&t=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    return page("Unsubscribe", "<form method=\"post\" action=\"" + Entities.escape(action) + "\">"
        + "<p>Stop all job alerts from this subscription?</p><button type=\"submit\">Unsubscribe</button></form>");
  }

  static String confirm(String id, String token, String email) {
    return page("Confirm your alerts", "<form method=\"post\" action=\"/confirm\">"
        + "<input type=\"hidden\" name=\"s\" value=\"" + Entities.escape(id) + "\">"
        + "<input type=\"hidden\" name=\"t\" value=\"" + Entities.escape(token) + "\">"
        + "<p>Turn on job alerts for " + Entities.escape(email) + "?</p>"
        + "<button type=\"submit\">Confirm my alerts</button></form>");
  }

  static String subscribe() {
    return page("Telehealth job alerts", """
        <p class="lead">Get an email when a telehealth project-management job that fits you is posted.</p>
        <form id="f" novalidate>
          <div class="field"><label for="email">Email</label>
            <input id="email" name="email" type="email" required autocomplete="email">
            <small class="error" data-for="email"></small></div>
          <fieldset><legend>Roles</legend>
            <label class="check"><input type="checkbox" name="tiers" value="core" checked> Telehealth project and program management</label>
            <label class="check"><input type="checkbox" name="tiers" value="adjacent"> Healthcare IT project management</label>
            <label class="check"><input type="checkbox" name="tiers" value="pathway"> Entry roles: coordinator, analyst, support</label>
            <small class="error" data-for="tiers"></small></fieldset>
          <fieldset class="inline"><legend>Levels (none ticked: any)</legend>
            <label class="check"><input type="checkbox" name="levels" value="entry"> Entry</label>
            <label class="check"><input type="checkbox" name="levels" value="mid"> Mid</label>
            <label class="check"><input type="checkbox" name="levels" value="senior"> Senior</label>
            <label class="check"><input type="checkbox" name="levels" value="lead"> Lead</label>
            <small class="error" data-for="levels"></small></fieldset>
          <fieldset class="inline"><legend>Work mode (none ticked: any)</legend>
            <label class="check"><input type="checkbox" name="workModes" value="remote"> Remote</label>
            <label class="check"><input type="checkbox" name="workModes" value="hybrid"> Hybrid</label>
            <label class="check"><input type="checkbox" name="workModes" value="onsite"> On site</label>
            <small class="error" data-for="workModes"></small></fieldset>
          <div class="field"><label for="countries">Countries</label>
            <input id="countries" name="countries" placeholder="USA, India">
            <small class="hint">Names or codes, separated by commas.</small>
            <small class="error" data-for="countries"></small></div>
          <div class="field"><label for="locations">Places</label>
            <input id="locations" name="locations" placeholder="Boston; Bengaluru, Karnataka">
            <small class="hint">Cities or regions, separated by semicolons.</small>
            <small class="error" data-for="locations"></small></div>
          <div class="field"><label for="minAnnualSalary">Minimum pay</label>
            <span class="row"><input id="minAnnualSalary" name="minAnnualSalary" type="number" min="0" step="any">
            <select name="salaryCurrency" id="salaryCurrency"><option value="USD">USD a year</option>
              <option value="GBP">GBP a year</option><option value="EUR">EUR a year</option>
              <option value="INR">INR lakh a year (LPA)</option></select></span>
            <small class="hint" id="payHint">A yearly amount, such as 90000.</small>
            <small class="error" data-for="minAnnualSalary"></small></div>
          <div class="field"><label for="includeKeywords">Words the job must mention</label>
            <input id="includeKeywords" name="includeKeywords" placeholder="Epic, RPM">
            <small class="error" data-for="includeKeywords"></small></div>
          <div class="field"><label for="excludeKeywords">Words to leave out</label>
            <input id="excludeKeywords" name="excludeKeywords" placeholder="contract">
            <small class="error" data-for="excludeKeywords"></small></div>
          <div class="field"><label for="excludeCompanies">Companies to leave out</label>
            <input id="excludeCompanies" name="excludeCompanies">
            <small class="error" data-for="excludeCompanies"></small></div>
          <div class="field"><label for="frequency">How often</label>
            <select id="frequency" name="frequency"><option value="instant">As soon as a job is posted</option>
              <option value="daily">Daily digest</option><option value="weekly">Weekly digest</option></select></div>
          <div class="field digest"><label for="digestHour">Digest hour</label>
            <span class="row"><select id="digestHour" name="digestHour"></select>
            <input id="timeZone" name="timeZone" aria-label="Time zone"></span>
            <small class="error" data-for="timeZone"></small><small class="error" data-for="digestHour"></small></div>
          <button type="submit">Subscribe</button>
        </form>
        <p id="out" role="status"></p>
        <script src="/assets/subscribe.js"></script>""");
  }
}
