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
import java.util.Locale;
import java.util.Set;

/**
 * Recruitee's careers-site API ({@code GET https://{company}.recruitee.com/api/offers/}): every offer
 * with its text, a structured salary with its period ({@code "period": "month"}), the
 * {@code remote}/{@code hybrid}/{@code on_site} flags, and both links ({@code careers_url},
 * {@code careers_apply_url}).
 */
final class RecruiteeAnswer {
  private RecruiteeAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    List<String> places = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    AnswerFields.places(text(j, "location")).forEach(p -> addPlace(places, p));
    for (JsonNode l : j.path("locations")) {
      if (places.isEmpty()) {
        addPlace(places, String.join(", ", nonNull(text(l, "city"), text(l, "state"), text(l, "country"))));
      }
      if (text(l, "country_code") != null) {
        countries.add(text(l, "country_code").toUpperCase(Locale.ROOT));
      }
    }
    if (text(j, "country_code") != null) {
      countries.add(text(j, "country_code").toUpperCase(Locale.ROOT));
    }
    WorkModes.Found mode = new WorkModes().flag(j.path("hybrid").asBoolean(false), WorkMode.HYBRID, "hybrid")
        .flag(j.path("remote").asBoolean(false), WorkMode.REMOTE, "remote")
        .flag(j.path("on_site").asBoolean(false), WorkMode.ONSITE, "on_site").result();
    StatedSalary pay = null;
    JsonNode s = j.path("salary");
    if (s.isObject() && (decimal(s.get("min")) != null || decimal(s.get("max")) != null)) {
      pay = new StatedSalary(null, text(s, "currency"), decimal(s.get("min")), decimal(s.get("max")), null,
          AnswerFields.period(text(s, "period")));
    }
    String description = AnswerFields.html(text(j, "description"));
    String requirements = AnswerFields.html(text(j, "requirements"));
    return new PostingDraft(text(j, "id"), title, context.companyOr(text(j, "company_name")), places,
        List.copyOf(countries), mode.mode(), mode.evidence(), AnswerFields.employment(text(j, "employment_type_code")), pay,
        requirements.isEmpty() ? description : description + "\n\n" + requirements,
        date(text(j, "published_at") != null ? text(j, "published_at") : text(j, "created_at")), date(text(j, "close_at")),
        text(j, "careers_url"), text(j, "careers_apply_url"));
  }

  private static List<String> nonNull(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
