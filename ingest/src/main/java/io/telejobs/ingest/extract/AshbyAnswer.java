package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.decimal;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ashby's job board API ({@code GET /posting-api/job-board/{org}?includeCompensation=true}). The
 * explicit {@code workplaceType} wins over the coarser {@code isRemote} flag (real answers carry
 * {@code "isRemote": true, "workplaceType": "Hybrid"} for hybrid jobs that also take remote staff).
 * Secondary locations and their addresses give the other places and countries.
 */
final class AshbyAnswer {
  private static final java.util.regex.Pattern WORLDWIDE =
      java.util.regex.Pattern.compile("(?i)(global|worldwide|anywhere|anywhere in the world)( \\(remote\\))?");

  private AshbyAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    List<String> places = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    addPlace(places, text(j, "location"));
    addCountry(countries, j.path("address"));
    for (JsonNode l : j.path("secondaryLocations")) {
      addPlace(places, l.isTextual() ? l.asText() : text(l, "location"));
      addCountry(countries, l.path("address"));
    }
    if (text(j, "location") != null && WORLDWIDE.matcher(text(j, "location")).matches()) {
      countries.clear(); // a job open worldwide has no country; the address is the company's office
    }
    WorkModes.Found mode = new WorkModes().declared(text(j, "workplaceType"), "workplaceType")
        .flag(j.path("isRemote").asBoolean(false), WorkMode.REMOTE, "isRemote").result();
    StatedSalary pay = null;
    JsonNode comp = j.path("compensation");
    for (JsonNode c : comp.path("summaryComponents")) {
      if ("Salary".equalsIgnoreCase(text(c, "compensationType"))
          && (decimal(c.get("minValue")) != null || decimal(c.get("maxValue")) != null)) {
        pay = new StatedSalary(text(comp, "compensationTierSummary"), text(c, "currencyCode"), decimal(c.get("minValue")),
            decimal(c.get("maxValue")), null, AnswerFields.period(text(c, "interval")));
        break;
      }
    }
    if (pay == null && text(comp, "compensationTierSummary") != null) {
      pay = StatedSalary.ofText(text(comp, "compensationTierSummary"));
    }
    String description = text(j, "descriptionHtml") != null ? AnswerFields.html(text(j, "descriptionHtml"))
        : AnswerFields.html(text(j, "descriptionPlain"));
    return new PostingDraft(text(j, "id"), title, context.companyOr(null), places, List.copyOf(countries), mode.mode(),
        mode.evidence(), AnswerFields.employment(text(j, "employmentType")), pay, description,
        date(text(j, "publishedAt")), null, text(j, "jobUrl"), text(j, "applyUrl"));
  }

  private static void addCountry(Set<String> countries, JsonNode address) {
    String code = Countries.codeOf(text(address.path("postalAddress"), "addressCountry"));
    if (code != null) {
      countries.add(code);
    }
  }
}
