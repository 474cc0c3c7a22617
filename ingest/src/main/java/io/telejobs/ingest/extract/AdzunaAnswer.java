package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.decimal;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.StatedSalary;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adzuna's search API ({@code GET https://api.adzuna.com/v1/api/jobs/{country}/search/{page}?app_id=…&app_key=…&what=…}).
 * An aggregator: the posting link is Adzuna's {@code redirect_url}. Amounts are in the country's
 * currency. A salary Adzuna estimated itself ({@code "salary_is_predicted": "1"}) is not the
 * employer's pay and is never read as stated pay.
 */
final class AdzunaAnswer {
  private AdzunaAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    JsonNode location = j.path("location");
    List<String> places = new ArrayList<>();
    addPlace(places, text(location, "display_name"));
    Set<String> countries = new LinkedHashSet<>();
    JsonNode area = location.path("area");
    String country = area.isArray() && !area.isEmpty() ? Countries.codeOf(area.get(0).asText()) : null;
    if (country != null) {
      countries.add(country);
    }
    StatedSalary pay = null;
    boolean predicted = "1".equals(text(j, "salary_is_predicted"));
    if (!predicted && (decimal(j.get("salary_min")) != null || decimal(j.get("salary_max")) != null)) {
      pay = new StatedSalary(null, currencyOf(country), decimal(j.get("salary_min")), decimal(j.get("salary_max")), null,
          null);
    }
    Set<String> employment = new LinkedHashSet<>();
    employment.addAll(AnswerFields.employment(text(j, "contract_time")));
    employment.addAll(AnswerFields.employment(text(j, "contract_type")));
    String description = AnswerFields.html(text(j, "description"));
    WorkModes.Found mode = new WorkModes().locationText(text(location, "display_name")).descriptionTag(description).result();
    return new PostingDraft(text(j, "id"), title,
        text(j.path("company"), "display_name") != null ? text(j.path("company"), "display_name") : context.companyOr(null),
        places, List.copyOf(countries), mode.mode(), mode.evidence(), List.copyOf(employment), pay, description,
        date(text(j, "created")), null, text(j, "redirect_url"), null);
  }

  /** The currency of a country, from the JDK's ISO 4217 table; null when unknown. */
  private static String currencyOf(String country) {
    if (country == null) {
      return null;
    }
    try {
      @SuppressWarnings("deprecation") Currency c = Currency.getInstance(new Locale("", country));
      return c == null ? null : c.getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
