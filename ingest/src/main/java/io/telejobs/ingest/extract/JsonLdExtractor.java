package io.telejobs.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads schema.org {@code JobPosting} objects from the JSON-LD blocks of a page.
 *
 * <p>Walks {@code @graph} and arrays, accepts {@code @type} as a string or a list, and tolerates the
 * broken JSON seen in the wild: comments, trailing commas, raw control characters in strings and HTML
 * entities. A block that still cannot be read becomes a problem line; the other blocks are still read.
 */
public final class JsonLdExtractor {
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();
  private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Za-z]{2}$");

  /** Postings in the page's JSON-LD. */
  public Extraction parse(String html, URI base) {
    return parse(Jsoup.parse(html, base.toString()));
  }

  /** Postings in an already parsed document's JSON-LD. */
  public Extraction parse(Document doc) {
    List<PostingDraft> postings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int index = 0;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      index++;
      JsonNode root;
      try {
        root = read(script.data());
      } catch (JsonProcessingException e) {
        problems.add("JSON-LD block " + index + " is not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      List<JsonNode> found = new ArrayList<>();
      collectJobPostings(root, found, 0);
      for (JsonNode node : found) {
        try {
          postings.add(toDraft(node));
        } catch (RuntimeException e) {
          problems.add("JSON-LD block " + index + ": JobPosting skipped: " + e.getMessage());
        }
      }
    }
    if (postings.isEmpty()) {
      for (Element item : doc.select("[itemscope][itemtype~=(?i)schema.org/JobPosting$]")) {
        try {
          postings.add(microdata(item));
        } catch (RuntimeException e) {
          problems.add("microdata JobPosting skipped: " + e.getMessage());
        }
      }
    }
    return new Extraction(postings, problems);
  }

  /** The microdata fallback ({@code itemtype="https://schema.org/JobPosting"}) for pages without JSON-LD. */
  private static PostingDraft microdata(Element item) {
    String title = prop(item, "title");
    if (title == null) {
      throw new IllegalArgumentException("no title");
    }
    Element org = item.selectFirst("[itemprop=hiringOrganization]");
    String company = org == null ? null : org.hasAttr("itemscope") ? prop(org, "name") : org.text();
    List<String> locations = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    for (Element place : item.select("[itemprop=jobLocation]")) {
      List<String> parts = new ArrayList<>();
      for (String field : List.of("addressLocality", "addressRegion", "addressCountry")) {
        String v = prop(place, field);
        if (v != null) {
          parts.add(v);
        }
      }
      String c = Countries.codeOf(prop(place, "addressCountry"));
      if (c != null) {
        countries.add(c);
      }
      locations.add(parts.isEmpty() ? place.text() : String.join(", ", parts));
    }
    StatedSalary pay = null;
    Element salary = item.selectFirst("[itemprop=baseSalary]");
    if (salary != null) {
      BigDecimal min = decimal(prop(salary, "minValue"));
      BigDecimal max = decimal(prop(salary, "maxValue"));
      BigDecimal value = decimal(prop(salary, "value"));
      String text = min == null && max == null && value == null ? salary.text() : null;
      if (text != null && text.isBlank()) {
        text = null;
      }
      if (text != null || min != null || max != null || value != null) {
        pay = new StatedSalary(text, prop(salary, "currency"), min, max, value, upper(prop(salary, "unitText")));
      }
    }
    Element description = item.selectFirst("[itemprop=description]");
    String type = prop(item, "jobLocationType");
    WorkMode mode = type != null && type.toUpperCase(Locale.ROOT).contains("TELECOMMUTE") ? WorkMode.REMOTE : WorkMode.UNKNOWN;
    String employment = prop(item, "employmentType");
    return new PostingDraft(prop(item, "identifier"), clean(title), company == null ? null : clean(company), locations,
        List.copyOf(countries), mode, mode == WorkMode.REMOTE ? "microdata jobLocationType=TELECOMMUTE" : null,
        employment == null ? List.of() : List.of(employment.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')),
        pay, description == null ? "" : TextCleaner.clean(description.html()), date(prop(item, "datePosted")),
        date(prop(item, "validThrough")), prop(item, "url"));
  }

  /** An itemprop's value: its content, datetime or href attribute, else its text. */
  private static String prop(Element scope, String name) {
    Element e = scope.selectFirst("[itemprop=" + name + "]");
    if (e == null) {
      return null;
    }
    for (String attr : List.of("content", "datetime", "href")) {
      if (e.hasAttr(attr)) {
        String v = attr.equals("href") ? e.absUrl("href") : e.attr(attr);
        return v.isBlank() ? null : v.strip();
      }
    }
    String t = e.text();
    return t.isBlank() ? null : t.strip();
  }

  private static BigDecimal decimal(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.replaceAll("[,\\s$€£₹]", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static JsonNode read(String raw) throws JsonProcessingException {
    String text = raw.strip();
    if (text.startsWith("<!--")) {
      text = text.substring(4);
    }
    if (text.endsWith("-->")) {
      text = text.substring(0, text.length() - 3);
    }
    text = text.replace("<![CDATA[", "").replace("]]>", "").strip();
    try {
      return LENIENT.readTree(text);
    } catch (JsonProcessingException first) {
      if (text.contains("&")) {
        return LENIENT.readTree(Parser.unescapeEntities(text, false));
      }
      throw first;
    }
  }

  private static void collectJobPostings(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 8) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectJobPostings(n, out, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (hasType(node, "JobPosting")) {
      out.add(node);
      return;
    }
    collectJobPostings(node.get("@graph"), out, depth + 1);
    collectJobPostings(node.get("mainEntity"), out, depth + 1);
    collectJobPostings(node.get("itemListElement"), out, depth + 1);
    collectJobPostings(node.get("item"), out, depth + 1);
  }

  private static boolean hasType(JsonNode node, String type) {
    JsonNode t = node.get("@type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode each : t) {
        if (matchesType(each.asText(), type)) {
          return true;
        }
      }
      return false;
    }
    return matchesType(t.asText(), type);
  }

  private static boolean matchesType(String value, String type) {
    return value.equals(type) || value.endsWith("/" + type) || value.endsWith(":" + type);
  }

  private static PostingDraft toDraft(JsonNode n) {
    String title = text(n, "title");
    if (title == null) {
      title = text(n, "name");
    }
    if (title == null) {
      throw new IllegalArgumentException("no title");
    }
    List<String> locations = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    for (JsonNode place : each(n.get("jobLocation"))) {
      JsonNode address = place.has("address") ? place.get("address") : place;
      if (address.isTextual()) {
        locations.add(Parser.unescapeEntities(address.asText(), false).strip());
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String field : List.of("addressLocality", "addressRegion")) {
        String v = text(address, field);
        if (v != null) {
          parts.add(v);
        }
      }
      String country = countryOf(address.get("addressCountry"));
      if (country != null) {
        parts.add(country);
        if (COUNTRY_CODE.matcher(country).matches()) {
          countries.add(country.toUpperCase(Locale.ROOT));
        }
      }
      if (!parts.isEmpty()) {
        locations.add(String.join(", ", parts));
      }
    }
    for (JsonNode req : each(n.get("applicantLocationRequirements"))) {
      String name = req.isTextual() ? req.asText() : text(req, "name") != null ? text(req, "name") : text(req, "value");
      if (name == null && req.has("address")) { // an AdministrativeArea written with an address
        JsonNode a = req.get("address");
        String country = countryOf(a.get("addressCountry"));
        String region = text(a, "addressRegion");
        name = region != null && country != null ? region + ", " + country : country != null ? country : region;
        if (country != null && COUNTRY_CODE.matcher(country).matches()) {
          countries.add(country.toUpperCase(Locale.ROOT));
        }
        if (name != null) {
          locations.add(name + " (remote applicants)");
        }
        continue;
      }
      if (name != null && COUNTRY_CODE.matcher(name).matches()) {
        countries.add(name.toUpperCase(Locale.ROOT));
      } else if (name != null) {
        String code = Countries.codeOf(name);
        if (code != null) {
          countries.add(code);
        }
        locations.add(name + " (remote applicants)");
      }
    }
    WorkModes modes = new WorkModes();
    for (JsonNode t : each(n.get("jobLocationType"))) {
      if (t.asText().toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
        modes.declared("TELECOMMUTE", "jobLocationType");
      }
    }
    locations.forEach(modes::locationText); // "Hybrid - Boston", "Remote (US)"
    String description = TextCleaner.clean(text(n, "description"));
    WorkModes.Found found = modes.descriptionTag(description).result();
    WorkMode mode = found.mode();
    String evidence = found.evidence();
    List<String> employment = new ArrayList<>();
    for (JsonNode t : each(n.get("employmentType"))) {
      for (String part : t.asText().split("[,;]")) {
        if (!part.isBlank()) {
          employment.add(part.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        }
      }
    }
    return new PostingDraft(
        identifier(n.get("identifier")),
        clean(title),
        organisation(n.get("hiringOrganization")),
        locations,
        List.copyOf(countries),
        mode,
        evidence,
        employment,
        salary(n.get("baseSalary"), n.get("salaryCurrency")),
        description,
        date(text(n, "datePosted")),
        date(text(n, "validThrough")),
        text(n, "url") != null ? text(n, "url") : urlIdentifier(n.get("identifier")));
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static String clean(String s) {
    String t = s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s;
    return SPACES.matcher(t).replaceAll(" ").strip();
  }

  private static String organisation(JsonNode org) {
    if (org == null || org.isNull()) {
      return null;
    }
    if (org.isTextual()) {
      return clean(org.asText());
    }
    if (org.isArray() && !org.isEmpty()) {
      return organisation(org.get(0));
    }
    String name = text(org, "name");
    return name == null ? null : clean(name);
  }

  private static String identifier(JsonNode id) {
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.isValueNode()) {
      String v = id.asText().strip();
      return v.isEmpty() ? null : v;
    }
    if (id.isArray() && !id.isEmpty()) {
      return identifier(id.get(0));
    }
    return identifier(id.get("value"));
  }

  /** An identifier that is the employer's own URL for the posting ({"@type": "PropertyValue", "value": "https://…"}). */
  private static String urlIdentifier(JsonNode id) {
    String v = identifier(id);
    return v != null && v.matches("(?i)https?://\\S+") ? v : null;
  }

  private static String countryOf(JsonNode c) {
    if (c == null || c.isNull()) {
      return null;
    }
    String v = c.isTextual() ? c.asText() : text(c, "name") != null ? text(c, "name") : text(c, "value");
    if (v == null) {
      return null;
    }
    String code = Countries.codeOf(v);
    return code != null ? code : v.strip();
  }

  private static StatedSalary salary(JsonNode base, JsonNode salaryCurrency) {
    if (base == null || base.isNull()) {
      return null;
    }
    if (base.isTextual()) {
      return base.asText().isBlank() ? null : StatedSalary.ofText(clean(base.asText()));
    }
    if (base.isNumber()) {
      return new StatedSalary(null, salaryCurrency == null ? null : salaryCurrency.asText(), null, null,
          base.decimalValue(), null);
    }
    String currency = text(base, "currency");
    if (currency == null && salaryCurrency != null) {
      currency = salaryCurrency.asText();
    }
    JsonNode value = base.get("value");
    BigDecimal min = null;
    BigDecimal max = null;
    BigDecimal single = null;
    String unit = null;
    String text = null;
    if (value != null && value.isObject()) {
      min = number(value.get("minValue"));
      max = number(value.get("maxValue"));
      single = number(value.get("value"));
      unit = text(value, "unitText");
    } else if (value != null && value.isNumber()) {
      single = value.decimalValue();
    } else if (value != null && value.isTextual()) {
      single = number(value);
      if (single == null) {
        text = clean(value.asText());
      }
    }
    if (min == null && max == null && single == null && text == null) {
      // a MonetaryAmount with its bounds on itself: {"@type": "MonetaryAmount", "minValue": …, "maxValue": …}
      min = number(base.get("minValue"));
      max = number(base.get("maxValue"));
    }
    if (unit == null) {
      unit = text(base, "unitText");
    }
    if (text == null && min == null && max == null && single == null) {
      return null;
    }
    return new StatedSalary(text, currency == null ? null : currency.strip().toUpperCase(Locale.ROOT),
        min, max, single, unit == null ? null : unit.strip().toUpperCase(Locale.ROOT));
  }

  private static BigDecimal number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    String s = n.asText().replaceAll("[,\\s$€£₹]", "");
    try {
      return s.isEmpty() ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = DATE.matcher(raw.strip());
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      if (v != null && v.isArray() && !v.isEmpty() && v.get(0).isValueNode()) {
        return v.get(0).asText();
      }
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  private static Iterable<JsonNode> each(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      return n;
    }
    return List.of(n);
  }
}
