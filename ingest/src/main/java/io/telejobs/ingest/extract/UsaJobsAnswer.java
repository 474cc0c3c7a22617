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
 * The USAJOBS search API ({@code GET https://data.usajobs.gov/api/search?Keyword=…&ResultsPerPage=500&Page=N}
 * with the {@code Authorization-Key} and a {@code User-Agent} e-mail address), where the federal
 * government, the VA first among its health employers, posts its jobs. Each item's
 * {@code MatchedObjectDescriptor} has the title, the agency, the places, the pay range with its
 * interval ({@code "Per Year"}, or the code {@code PA}/{@code PH}), the schedule and both links.
 */
public final class UsaJobsAnswer {
  /** Results per page; the API's maximum. */
  public static final int PAGE = 500;

  private UsaJobsAnswer() {}

  static PostingDraft item(JsonNode item, JsonNode answer, AtsExtractor.Context context) {
    JsonNode d = item.path("MatchedObjectDescriptor");
    if (!d.isObject()) {
      throw new IllegalArgumentException("no MatchedObjectDescriptor");
    }
    String title = required(d, "PositionTitle");
    List<String> places = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    WorkModes modes = new WorkModes();
    JsonNode details = d.path("UserArea").path("Details");
    JsonNode remote = details.get("RemoteIndicator");
    modes.flag(remote != null && (remote.asBoolean(false) || "true".equalsIgnoreCase(remote.asText())), WorkMode.REMOTE,
        "RemoteIndicator");
    for (JsonNode l : d.path("PositionLocation")) {
      String name = text(l, "LocationName");
      if (name != null && !name.toLowerCase(Locale.ROOT).startsWith("location negotiable")) {
        addPlace(places, name);
        modes.locationText(name); // "Anywhere in the U.S. (remote job)"
      }
      String code = Countries.codeOf(text(l, "CountryCode"));
      if (code != null) {
        countries.add(code);
      }
    }
    WorkModes.Found mode = modes.result();
    StatedSalary pay = null;
    JsonNode r = d.path("PositionRemuneration").path(0);
    if (decimal(r.get("MinimumRange")) != null || decimal(r.get("MaximumRange")) != null) {
      pay = new StatedSalary(null, "USD", decimal(r.get("MinimumRange")), decimal(r.get("MaximumRange")), null,
          interval(text(r, "RateIntervalCode"), text(r, "Description")));
    }
    JsonNode schedule = d.path("PositionSchedule").path(0);
    List<String> employment = switch (String.valueOf(text(schedule, "Code"))) {
      case "1" -> List.of("FULL_TIME");
      case "2" -> List.of("PART_TIME");
      default -> AnswerFields.employment(text(schedule, "Name"));
    };
    StringBuilder description = new StringBuilder(AnswerFields.html(text(details, "JobSummary")));
    details.path("MajorDuties").forEach(duty -> description.append("\n- ").append(AnswerFields.html(duty.asText())));
    String qualifications = text(d, "QualificationSummary");
    if (qualifications != null) {
      description.append("\n\n").append(AnswerFields.html(qualifications));
    }
    String organisation = text(d, "OrganizationName") != null ? text(d, "OrganizationName") : text(d, "DepartmentName");
    JsonNode apply = d.path("ApplyURI");
    return new PostingDraft(text(item, "MatchedObjectId") != null ? text(item, "MatchedObjectId") : text(d, "PositionID"),
        title, organisation != null ? organisation : context.companyOr(null), places, List.copyOf(countries), mode.mode(),
        mode.evidence(), employment, pay, description.toString().strip(), date(text(d, "PublicationStartDate")),
        date(text(d, "ApplicationCloseDate")), text(d, "PositionURI"),
        apply.isArray() && !apply.isEmpty() && apply.get(0).isTextual() ? apply.get(0).asText() : null);
  }

  /** The pay interval: the codes of the current API (PA, PH, PD, PW, PM) or the words of older answers. */
  private static String interval(String code, String description) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    return switch (c) {
      case "PA" -> "YEAR";
      case "PH" -> "HOUR";
      case "PD" -> "DAY";
      case "PW" -> "WEEK";
      case "PM" -> "MONTH";
      default -> AnswerFields.period(c.isEmpty() ? description : c);
    };
  }
}
