package io.telejobs.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Reading the fields of job-board API answers: lenient about types, strict about what counts as a value. */
final class AnswerFields {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  /** "A | B | C", "A; B", "A / B" between places. */
  private static final Pattern PLACE_SEPARATORS = Pattern.compile("\\s*(?:\\||;|\\s/\\s|\\bor\\b(?=\\s+[A-Z]))\\s*");
  /** A list of city codes such as "SF, NYC, SEA". */
  private static final Pattern CODE_LIST = Pattern.compile("[A-Z]{2,4}(?:\\s*,\\s*[A-Z]{2,4})+");

  private static final Pattern NOT_A_PLACE = Pattern.compile("(?i)remote|hybrid|on-?site|anywhere|various|multiple locations");

  private AnswerFields() {}

  /**
   * Why an answer is not JSON, in words: an HTML page (an error or login page where the API used to
   * answer) is named as such; otherwise the parser's own description of the first mistake.
   */
  static String notJson(String what, String body, com.fasterxml.jackson.core.JsonProcessingException e) {
    String start = body == null ? "" : body.stripLeading();
    if (start.startsWith("<")) {
      return what + " is an HTML page, not JSON: the API may have changed or be answering with an error page";
    }
    return what + " is not valid JSON: " + e.getOriginalMessage();
  }

  /** A scalar field as text, or null when it is missing, null, a container or blank. */
  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText().strip();
  }

  /** A field that must be present: its absence skips the posting, naming the field. */
  static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) {
      throw new IllegalArgumentException("no " + field);
    }
    return v;
  }

  static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    try {
      BigDecimal v = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().replace(",", "").strip());
      return v.signum() <= 0 ? null : v.stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static BigDecimal cents(JsonNode n) {
    BigDecimal v = decimal(n);
    return v == null ? null : v.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** The date part of an ISO date or timestamp ("2026-08-06T12:50:10-04:00", "2026-09-18 13:27:28 UTC"). */
  static LocalDate date(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = ISO_DATE.matcher(raw);
    if (!m.find() || m.start() > 0) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** HTML (possibly entity-escaped once more, as Greenhouse sends it) to clean text. */
  static String html(String html) {
    if (html == null) {
      return "";
    }
    String s = html.contains("&lt;") ? Parser.unescapeEntities(html, false) : html;
    return TextCleaner.clean(s);
  }

  /** Employment type words as the contract spells them: "Full time", "FullTime", "full_time" → FULL_TIME. */
  static List<String> employment(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String s = raw.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return List.of(switch (s) {
      case "PERMANENT", "FULLTIME_PERMANENT", "FULLTIME", "FULL_TIME_PERMANENT" -> "FULL_TIME";
      case "PARTTIME", "PARTTIME_PERMANENT", "PART_TIME_PERMANENT" -> "PART_TIME";
      case "INTERN", "INTERNSHIP" -> "INTERN";
      case "CONTRACT", "CONTRACTOR", "FREELANCE" -> "CONTRACTOR";
      case "TEMPORARY", "TEMP", "SHORT_TERM", "FULLTIME_FIXED_TERM", "PARTTIME_FIXED_TERM" -> "TEMPORARY";
      default -> s;
    });
  }

  /**
   * One location field that may hold several places: "A | B | C", "A; B", "SF, NYC, SEA". A single
   * place written with commas ("New York, NY, United States") stays one.
   */
  static List<String> places(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String s = raw.strip();
    List<String> out = new ArrayList<>();
    if (CODE_LIST.matcher(s).matches()) {
      for (String p : s.split("\\s*,\\s*")) {
        out.add(p);
      }
      return out;
    }
    for (String p : PLACE_SEPARATORS.split(s)) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** Adds {@code place} unless it is blank, already there, or only a work mode ("Remote", "Anywhere"). */
  static void addPlace(List<String> places, String place) {
    if (place != null && !place.isBlank() && !places.contains(place.strip()) && !NOT_A_PLACE.matcher(place.strip()).matches()) {
      places.add(place.strip());
    }
  }

  /**
   * Country codes named by the last comma-separated part of each place ("London, England, United
   * Kingdom" → GB). Two-letter parts are not read: "San Diego, CA" is California, not Canada.
   */
  static List<String> countriesOf(List<String> places) {
    Set<String> out = new LinkedHashSet<>();
    for (String place : places) {
      String[] parts = place.split(",");
      String code = Countries.codeOf(parts[parts.length - 1]);
      if (code != null && parts[parts.length - 1].strip().length() > 2) {
        out.add(code);
      }
    }
    return List.copyOf(out);
  }

  /** A pay period word as the contract spells it. */
  static String period(String raw) {
    String i = raw == null ? "" : raw.toUpperCase(Locale.ROOT);
    for (String unit : List.of("HOUR", "DAY", "WEEK", "MONTH", "YEAR")) {
      if (i.contains(unit)) {
        return unit;
      }
    }
    return i.contains("ANNUAL") ? "YEAR" : null;
  }
}
