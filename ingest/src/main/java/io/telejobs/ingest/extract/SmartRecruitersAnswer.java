package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.WorkMode;
import java.util.List;
import java.util.Locale;

/**
 * SmartRecruiters' public Posting API: {@code GET /v1/companies/{company}/postings?limit=100&offset=N}
 * lists postings without their text; {@code GET /v1/companies/{company}/postings/{id}} gives the job
 * ad's sections and the posting and apply links. The company identifier is case-sensitive
 * ({@code BoschGroup}). Work mode: a "Work flexibility" / "Workplace" custom field, else the location's
 * {@code hybrid} and {@code remote} flags; both flags false means on site.
 */
public final class SmartRecruitersAnswer {
  /** Page size of the list call; the API's maximum. */
  public static final int PAGE = 100;

  private SmartRecruitersAnswer() {}

  /** A list entry alone (no text): what is read when its detail cannot be had. */
  static PostingDraft listed(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    return draft(j, null, context);
  }

  /** A job from its detail answer, which repeats the list entry's fields and adds the text and links. */
  public static PostingDraft detail(String json, AtsExtractor.Context context) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(AnswerFields.notJson("SmartRecruiters posting", json, e));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("SmartRecruiters posting is not an object");
    }
    StringBuilder text = new StringBuilder();
    root.path("jobAd").path("sections").forEach(section -> {
      String part = AnswerFields.html(text(section, "text"));
      if (!part.isBlank()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(part);
      }
    });
    return draft(root, text.toString(), context);
  }

  private static PostingDraft draft(JsonNode j, String description, AtsExtractor.Context context) {
    String title = required(j, "name");
    JsonNode loc = j.path("location");
    String full = text(loc, "fullLocation");
    String place = full != null ? full.replaceAll("(,\\s*)+,", ",").strip() : text(loc, "city");
    String country = text(loc, "country");
    WorkModes modes = new WorkModes();
    for (JsonNode f : j.path("customField")) {
      String label = String.valueOf(text(f, "fieldLabel")).toLowerCase(Locale.ROOT);
      if (label.contains("work flexibility") || label.contains("workplace") || label.contains("work model")) {
        modes.declared(text(f, "valueLabel"), "custom field '" + text(f, "fieldLabel") + "'");
      }
    }
    modes.flag(loc.path("hybrid").asBoolean(false), WorkMode.HYBRID, "location.hybrid")
        .flag(loc.path("remote").asBoolean(false), WorkMode.REMOTE, "location.remote")
        .follows(loc.path("hybrid").isBoolean() && loc.path("remote").isBoolean(), WorkMode.ONSITE,
            "location.remote=false and location.hybrid=false");
    WorkModes.Found mode = modes.result();
    String companyId = text(j.path("company"), "identifier");
    String postingUrl = text(j, "postingUrl") != null ? text(j, "postingUrl")
        : companyId == null ? null : "https://jobs.smartrecruiters.com/" + companyId + "/" + text(j, "id");
    return new PostingDraft(text(j, "id"), title, context.companyOr(text(j.path("company"), "name")),
        place == null ? List.of() : List.of(place),
        country != null && country.length() == 2 ? List.of(country.toUpperCase(Locale.ROOT)) : List.of(), mode.mode(),
        mode.evidence(), AnswerFields.employment(text(j.path("typeOfEmployment"), "label")), null,
        description == null ? "" : description, date(text(j, "releasedDate")), null, postingUrl, text(j, "applyUrl"));
  }
}
