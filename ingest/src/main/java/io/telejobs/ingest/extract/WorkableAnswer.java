package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.WorkMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Workable's job widget API ({@code GET https://apply.workable.com/api/v1/widget/accounts/{account}?details=true}):
 * the account's name and every job with its text in one answer. {@code telecommuting: true} is
 * remote; false says nothing more. Workable has no structured pay: employers write it in the text,
 * where the matcher reads it.
 */
final class WorkableAnswer {
  private WorkableAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    List<String> places = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    for (JsonNode l : j.path("locations")) {
      if (l.path("hidden").asBoolean(false)) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String f : List.of("city", "region", "country")) {
        if (text(l, f) != null) {
          parts.add(text(l, f));
        }
      }
      addPlace(places, String.join(", ", parts));
      if (text(l, "countryCode") != null) {
        countries.add(text(l, "countryCode").toUpperCase(Locale.ROOT));
      }
    }
    if (places.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String f : List.of("city", "state", "country")) {
        if (text(j, f) != null) {
          parts.add(text(j, f));
        }
      }
      addPlace(places, String.join(", ", parts));
      String code = Countries.codeOf(text(j, "country"));
      if (code != null) {
        countries.add(code);
      }
    }
    String description = AnswerFields.html(text(j, "description"));
    WorkModes.Found mode = new WorkModes().flag(j.path("telecommuting").asBoolean(false), WorkMode.REMOTE, "telecommuting")
        .descriptionTag(description).result();
    return new PostingDraft(text(j, "shortcode"), title, context.companyOr(text(answer, "name")), places,
        List.copyOf(countries), mode.mode(), mode.evidence(), AnswerFields.employment(text(j, "employment_type")), null,
        description, date(text(j, "published_on")), null, text(j, "url") != null ? text(j, "url") : text(j, "shortlink"),
        text(j, "application_url"));
  }
}
