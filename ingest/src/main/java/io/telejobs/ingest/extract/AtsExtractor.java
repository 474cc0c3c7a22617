package io.telejobs.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Maps the public job-board APIs of applicant tracking systems onto postings. They need no key:
 * Greenhouse ({@code /v1/boards/{token}/jobs?content=true}), Lever ({@code /v0/postings/{company}?mode=json})
 * and Ashby ({@code /posting-api/job-board/{org}?includeCompensation=true}). Pay ranges are mapped when
 * the board publishes them. A job that cannot be read is a problem line; the others are still read.
 */
public final class AtsExtractor {
  private AtsExtractor() {}

  /** Which board API a source reads. */
  public enum Kind {
    GREENHOUSE,
    LEVER,
    ASHBY
  }

  public static Extraction parse(Kind kind, String json, String company) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return new Extraction(List.of(), List.of(kind + " answer is not valid JSON: " + e.getOriginalMessage()));
    }
    JsonNode jobs = switch (kind) {
      case GREENHOUSE, ASHBY -> root.path("jobs");
      case LEVER -> root;
    };
    if (!jobs.isArray()) {
      return new Extraction(List.of(), List.of(kind + " answer has no list of jobs"));
    }
    List<PostingDraft> postings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (JsonNode job : jobs) {
      i++;
      try {
        postings.add(switch (kind) {
          case GREENHOUSE -> greenhouse(job, company);
          case LEVER -> lever(job, company);
          case ASHBY -> ashby(job, company);
        });
      } catch (RuntimeException e) {
        problems.add(kind + " job " + i + " skipped: " + e.getMessage());
      }
    }
    return new Extraction(postings, problems);
  }

  private static PostingDraft greenhouse(JsonNode j, String company) {
    String location = text(j.path("location"), "name");
    StatedSalary pay = null;
    JsonNode ranges = j.path("pay_input_ranges");
    if (ranges.isArray() && !ranges.isEmpty()) {
      JsonNode r = ranges.get(0);
      pay = new StatedSalary(text(r, "title"), text(r, "currency_type"), cents(r.get("min_cents")),
          cents(r.get("max_cents")), null, "YEAR");
    }
    return new PostingDraft(text(j, "id"), required(j, "title"), company, location == null ? List.of() : List.of(location),
        List.of(), modeOf(location), location == null ? null : "location text", List.of(), pay,
        TextCleaner.clean(Parser.unescapeEntities(orEmpty(text(j, "content")), false)), date(text(j, "updated_at")),
        null, text(j, "absolute_url"));
  }

  private static PostingDraft lever(JsonNode j, String company) {
    JsonNode cat = j.path("categories");
    String location = text(cat, "location");
    List<String> locations = new ArrayList<>();
    if (location != null) {
      locations.add(location);
    }
    cat.path("allLocations").forEach(l -> {
      if (!locations.contains(l.asText())) {
        locations.add(l.asText());
      }
    });
    WorkMode mode = switch (orEmpty(text(j, "workplaceType")).toLowerCase(Locale.ROOT)) {
      case "remote" -> WorkMode.REMOTE;
      case "hybrid" -> WorkMode.HYBRID;
      case "onsite", "on-site" -> WorkMode.ONSITE;
      default -> WorkMode.UNKNOWN;
    };
    StatedSalary pay = null;
    JsonNode s = j.path("salaryRange");
    if (s.isObject() && (s.has("min") || s.has("max"))) {
      pay = new StatedSalary(null, text(s, "currency"), decimal(s.get("min")), decimal(s.get("max")), null,
          leverInterval(text(s, "interval")));
    }
    String country = text(j, "country");
    String description = text(j, "descriptionPlain") != null ? text(j, "descriptionPlain") : text(j, "description");
    LocalDate created = j.has("createdAt") ? LocalDate.ofInstant(Instant.ofEpochMilli(j.get("createdAt").asLong()), ZoneOffset.UTC) : null;
    String commitment = text(cat, "commitment");
    return new PostingDraft(text(j, "id"), required(j, "text"), company, locations,
        country != null && country.length() == 2 ? List.of(country.toUpperCase(Locale.ROOT)) : List.of(), mode,
        mode == WorkMode.UNKNOWN ? null : "workplaceType=" + text(j, "workplaceType"),
        commitment == null ? List.of() : List.of(commitment.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')),
        pay, TextCleaner.clean(orEmpty(description)), created, null, text(j, "hostedUrl"));
  }

  private static PostingDraft ashby(JsonNode j, String company) {
    List<String> locations = new ArrayList<>();
    String location = text(j, "location");
    if (location != null) {
      locations.add(location);
    }
    j.path("secondaryLocations").forEach(l -> {
      String name = l.isTextual() ? l.asText() : text(l, "location");
      if (name != null && !locations.contains(name)) {
        locations.add(name);
      }
    });
    String workplace = orEmpty(text(j, "workplaceType")).toLowerCase(Locale.ROOT);
    WorkMode mode = j.path("isRemote").asBoolean(false) || workplace.equals("remote") ? WorkMode.REMOTE
        : workplace.equals("hybrid") ? WorkMode.HYBRID : workplace.equals("onsite") ? WorkMode.ONSITE : WorkMode.UNKNOWN;
    StatedSalary pay = null;
    JsonNode comp = j.path("compensation");
    for (JsonNode c : comp.path("summaryComponents")) {
      if ("Salary".equalsIgnoreCase(text(c, "compensationType"))) {
        pay = new StatedSalary(text(comp, "compensationTierSummary"), text(c, "currencyCode"), decimal(c.get("minValue")),
            decimal(c.get("maxValue")), null, ashbyInterval(text(c, "interval")));
        break;
      }
    }
    if (pay == null && text(comp, "compensationTierSummary") != null) {
      pay = StatedSalary.ofText(text(comp, "compensationTierSummary"));
    }
    String country = Countries.codeOf(text(j.path("address").path("postalAddress"), "addressCountry"));
    String employment = text(j, "employmentType");
    String description = text(j, "descriptionHtml") != null ? text(j, "descriptionHtml") : text(j, "descriptionPlain");
    return new PostingDraft(text(j, "id"), required(j, "title"), company, locations,
        country == null ? List.of() : List.of(country), mode, mode == WorkMode.UNKNOWN ? null : "workplaceType=" + workplace,
        employment == null ? List.of() : List.of(employment.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)),
        pay, TextCleaner.clean(orEmpty(description)), date(text(j, "publishedAt")), null,
        text(j, "jobUrl") != null ? text(j, "jobUrl") : text(j, "applyUrl"));
  }

  private static String leverInterval(String interval) {
    String i = orEmpty(interval).toLowerCase(Locale.ROOT);
    if (i.contains("hour")) {
      return "HOUR";
    }
    if (i.contains("month")) {
      return "MONTH";
    }
    if (i.contains("week")) {
      return "WEEK";
    }
    if (i.contains("day")) {
      return "DAY";
    }
    return i.isEmpty() ? null : "YEAR";
  }

  private static String ashbyInterval(String interval) {
    String i = orEmpty(interval).toUpperCase(Locale.ROOT);
    for (String unit : List.of("HOUR", "DAY", "WEEK", "MONTH", "YEAR")) {
      if (i.contains(unit)) {
        return unit;
      }
    }
    return null;
  }

  private static WorkMode modeOf(String location) {
    String l = orEmpty(location).toLowerCase(Locale.ROOT);
    return l.contains("remote") ? WorkMode.REMOTE : l.contains("hybrid") ? WorkMode.HYBRID : WorkMode.UNKNOWN;
  }

  private static BigDecimal cents(JsonNode n) {
    BigDecimal v = decimal(n);
    return v == null ? null : v.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().replace(",", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String iso) {
    if (iso == null || iso.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(iso.substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) {
      throw new IllegalArgumentException("no " + field);
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
