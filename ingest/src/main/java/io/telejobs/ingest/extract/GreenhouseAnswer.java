package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.cents;
import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.decimal;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.StatedSalary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Greenhouse's job board API ({@code GET /v1/boards/{token}/jobs?content=true&pay_transparency=true}).
 * Read from real answers: the posting date is {@code first_published} ({@code updated_at} changes on
 * every edit); the company is {@code company_name}; places come from {@code offices}, else from the
 * location text, which may hold several ("A | B", "A; B", "SF, NYC, SEA"); pay from
 * {@code pay_input_ranges}, else from a {@code currency_range} metadata field ("Pay Transparency
 * Range"); work mode from a metadata field such as "Location Type", else the location text, else a
 * #LI-Hybrid tag in the description.
 */
final class GreenhouseAnswer {
  private GreenhouseAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    String locationName = text(j.path("location"), "name");
    List<String> places = new ArrayList<>();
    for (JsonNode office : j.path("offices")) {
      addPlace(places, text(office, "location") != null ? text(office, "location") : text(office, "name"));
    }
    if (places.isEmpty()) {
      AnswerFields.places(stripMode(locationName)).forEach(p -> addPlace(places, p));
    }
    String description = AnswerFields.html(text(j, "content"));
    WorkModes mode = new WorkModes();
    StatedSalary pay = payInputRange(j.path("pay_input_ranges"));
    List<String> employment = List.of();
    for (JsonNode m : j.path("metadata")) {
      String name = orEmpty(text(m, "name")).toLowerCase(Locale.ROOT);
      JsonNode value = m.get("value");
      if (value != null && value.isTextual() && name.matches(".*(location type|workplace|work type|work arrangement|remote).*")) {
        mode.declared(value.asText(), "metadata '" + text(m, "name") + "'");
      }
      if (value != null && value.isTextual() && employment.isEmpty() && name.matches("(time type|employment type|job type)")) {
        employment = AnswerFields.employment(value.asText());
      }
      if (pay == null && "currency_range".equals(text(m, "value_type")) && value != null && value.isObject()) {
        if (decimal(value.get("min_value")) != null || decimal(value.get("max_value")) != null) {
          pay = new StatedSalary(text(m, "name"), text(value, "unit"), decimal(value.get("min_value")),
              decimal(value.get("max_value")), null, null);
        }
      }
    }
    mode.locationText(locationName).descriptionTag(description);
    WorkModes.Found found = mode.result();
    return new PostingDraft(text(j, "id"), title, context.companyOr(text(j, "company_name")), places,
        AnswerFields.countriesOf(places), found.mode(), found.evidence(), employment, pay, description,
        date(text(j, "first_published")), date(text(j, "application_deadline")), text(j, "absolute_url"), null);
  }

  private static StatedSalary payInputRange(JsonNode ranges) {
    if (!ranges.isArray() || ranges.isEmpty()) {
      return null;
    }
    JsonNode r = ranges.get(0);
    if (cents(r.get("min_cents")) == null && cents(r.get("max_cents")) == null) {
      return null;
    }
    return new StatedSalary(text(r, "title"), text(r, "currency_type"), cents(r.get("min_cents")),
        cents(r.get("max_cents")), null, "YEAR");
  }

  /** "Hybrid - London" → "London": the work mode is read separately. */
  private static String stripMode(String location) {
    return location == null ? null
        : location.replaceFirst("(?i)^\\s*(hybrid|remote|on-?site)\\s*[-–:]\\s*(?=\\S)", "");
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
