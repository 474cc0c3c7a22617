package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.decimal;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.StatedSalary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lever's postings API ({@code GET /v0/postings/{company}?mode=json}). The whole text is kept: the
 * description, every list ("What You'll Do", "Where You'll Be", and the pay lists some employers
 * write there) and the closing {@code additional} block, so that the matcher can read pay stated in
 * the text. Both links are kept: {@code hostedUrl} (the posting) and {@code applyUrl}.
 */
final class LeverAnswer {
  private LeverAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "text");
    JsonNode cat = j.path("categories");
    String location = text(cat, "location");
    List<String> places = new ArrayList<>();
    addPlace(places, location);
    cat.path("allLocations").forEach(l -> addPlace(places, l.isTextual() ? l.asText() : null));
    String workplace = text(j, "workplaceType");
    WorkModes.Found mode = new WorkModes().declared(workplace, "workplaceType").locationText(location).result();
    StatedSalary pay = null;
    JsonNode s = j.path("salaryRange");
    if (s.isObject() && (decimal(s.get("min")) != null || decimal(s.get("max")) != null)) {
      pay = new StatedSalary(null, text(s, "currency"), decimal(s.get("min")), decimal(s.get("max")), null,
          AnswerFields.period(text(s, "interval")));
    }
    String country = text(j, "country");
    LocalDate created = j.path("createdAt").isNumber()
        ? LocalDate.ofInstant(Instant.ofEpochMilli(j.get("createdAt").asLong()), ZoneOffset.UTC) : null;
    return new PostingDraft(text(j, "id"), title, context.companyOr(null), places,
        country != null && country.length() == 2 ? List.of(country.toUpperCase(Locale.ROOT)) : AnswerFields.countriesOf(places),
        mode.mode(), mode.evidence(), AnswerFields.employment(text(cat, "commitment")), pay, wholeText(j), created, null,
        text(j, "hostedUrl"), text(j, "applyUrl"));
  }

  private static String wholeText(JsonNode j) {
    StringBuilder out = new StringBuilder();
    append(out, text(j, "descriptionPlain") != null ? text(j, "descriptionPlain") : AnswerFields.html(text(j, "description")));
    for (JsonNode list : j.path("lists")) {
      append(out, text(list, "text"));
      append(out, AnswerFields.html(text(list, "content")));
    }
    append(out, text(j, "additionalPlain") != null ? text(j, "additionalPlain") : AnswerFields.html(text(j, "additional")));
    return out.toString();
  }

  private static void append(StringBuilder out, String part) {
    if (part != null && !part.isBlank()) {
      out.append(out.length() == 0 ? "" : "\n\n").append(part.strip());
    }
  }
}
