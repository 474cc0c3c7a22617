package io.telejobs.notifier.api;

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
        <p>Get an email when a telehealth project-management job that fits you is posted.</p>
        <form id="f">
          <label>Email <input name="email" type="email" required></label>
          <label>Roles <select name="tiers" multiple size="3">
            <option value="core" selected>Telehealth project/program management (core)</option>
            <option value="adjacent">Healthcare IT project management (adjacent)</option>
            <option value="pathway">Entry roles: coordinator, analyst, support (pathway)</option></select></label>
          <label>Countries (comma separated, e.g. US, IN) <input name="countries"></label>
          <label>Places (semicolon separated, e.g. Boston; Bengaluru, Karnataka) <input name="locations"></label>
          <label>Salary bands <select name="bands" multiple size="3">
            <option value="entry">Entry</option><option value="mid">Mid</option><option value="senior">Senior</option></select></label>
          <label>Minimum annual salary <input name="minAnnualSalary" type="number" min="0">
            <select name="salaryCurrency"><option>USD</option><option>INR</option><option>GBP</option><option>EUR</option></select></label>
          <label>How often <select name="frequency"><option value="instant">Instantly</option>
            <option value="daily">Daily digest</option><option value="weekly">Weekly digest</option></select></label>
          <button type="submit">Subscribe</button>
        </form>
        <p id="out" role="status"></p>
        <script src="/assets/subscribe.js"></script>""");
  }
}
