package io.telejobs.ingest.crawl;

import io.telejobs.contracts.Ids;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Limits;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.ingest.extract.PostingDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Gives a draft its stable id and content hash, and holds every field to its documented {@link Limits
 * limit}: this is the edge where scraped text enters the pipeline. What is longer is cut with a marker,
 * what cannot be used (a {@code javascript:} apply link, an over-long URL) is dropped, and each such change
 * is a note for {@code ingest.errors.v1}, so nothing is cut silently.
 */
public final class PostingFactory {
  /** Ends a description that was cut at its limit. */
  public static final String CUT_MARKER = " [… description cut at " + Limits.DESCRIPTION + " characters]";

  private final UrlCanonicalizer canonicalizer;

  public PostingFactory(UrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /**
   * A posting and what had to be changed to make it fit.
   *
   * @param posting the posting event
   * @param notes each field cut or dropped, in words, for {@code ingest.errors.v1}
   */
  public record Completed(JobPosting posting, List<String> notes) {}

  /**
   * The posting event for {@code draft} found on {@code pageUrl}. Its id is {@code source:externalId}
   * when the source gives an id, else {@code source:} plus the canonical URL of the posting.
   */
  public Completed complete(PostingDraft draft, String source, String pageUrl, Instant fetchedAt) {
    List<String> notes = new ArrayList<>();
    String ownUrl = draft.url() == null ? pageUrl : draft.url();
    String canonical = Objects.requireNonNullElse(canonicalizer.canonical(ownUrl), ownUrl);
    String postingUrl = link(draft.url() != null ? canonical : pageUrl, "posting link", notes);
    String applyUrl = draft.applyUrl() == null ? postingUrl : link(draft.applyUrl(), "apply link", notes);
    if (applyUrl == null) {
      applyUrl = postingUrl;
    }
    String externalId = draft.externalId() == null ? null : draft.externalId().strip();
    String idPart = externalId != null ? externalId : canonical;
    if ((source + ":" + idPart).length() > Limits.SHORT) {
      idPart = "h" + Ids.sha256Hex(idPart).substring(0, 32); // an id too long to be a key: its hash, stable
      notes.add("the posting's id is longer than " + Limits.SHORT + " characters; its hash is used instead");
    }
    if (externalId != null && externalId.length() > Limits.SHORT) {
      externalId = null;
    }
    String id = source + ":" + idPart;
    String title = cut(draft.title().strip(), Limits.TITLE, "title", notes);
    String company = cut(draft.company(), Limits.COMPANY, "company", notes);
    List<String> locations = list(draft.locations(), Limits.LOCATIONS, Limits.LOCATION, "locations", notes);
    List<String> countries = new ArrayList<>();
    for (String c : draft.countries()) {
      if (c != null && c.length() == 2 && countries.size() < Limits.COUNTRIES && !countries.contains(c)) {
        countries.add(c.toUpperCase(Locale.ROOT));
      }
    }
    List<String> types = list(draft.employmentTypes(), Limits.EMPLOYMENT_TYPES, 50, "employment types", notes);
    String description = draft.description() == null ? "" : draft.description();
    if (description.length() > Limits.DESCRIPTION) {
      notes.add("the description is " + description.length() + " characters long; cut at " + Limits.DESCRIPTION);
      description = description.substring(0, Limits.DESCRIPTION - CUT_MARKER.length()) + CUT_MARKER;
    }
    StatedSalary salary = salary(draft.salary(), notes);
    String evidence = cut(draft.workModeEvidence(), Limits.SHORT, "work mode evidence", notes);
    String hash = Ids.sha256Hex(String.join("\u001f",
        title,
        String.valueOf(company),
        String.join("|", locations),
        String.join("|", countries),
        String.valueOf(draft.workMode()),
        String.join("|", types),
        String.valueOf(salary),
        description,
        String.valueOf(draft.datePosted()),
        String.valueOf(draft.validThrough()),
        String.valueOf(postingUrl),
        String.valueOf(applyUrl))).substring(0, 16);
    JobPosting posting = new JobPosting(JobPosting.SCHEMA_VERSION, id, source, externalId, title, company, locations,
        countries, draft.workMode(), evidence, types, salary, description, draft.datePosted(), draft.validThrough(),
        postingUrl, applyUrl, cut(pageUrl, Limits.URL, "page URL", notes), fetchedAt, hash);
    return new Completed(posting, List.copyOf(notes));
  }

  /** An http(s) link no longer than the URL limit, or null with a note. */
  private static String link(String url, String what, List<String> notes) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      notes.add("the " + what + " is not a web address (" + Limits.cut(u, 60) + "); it was dropped");
      return null;
    }
    if (u.length() > Limits.URL) {
      notes.add("the " + what + " is longer than " + Limits.URL + " characters; it was dropped");
      return null;
    }
    return u;
  }

  private static String cut(String value, int max, String field, List<String> notes) {
    if (value != null && value.length() > max) {
      notes.add("the " + field + " is " + value.length() + " characters long; cut at " + max);
      return Limits.cut(value, max);
    }
    return value;
  }

  private static List<String> list(List<String> values, int maxItems, int maxItem, String field, List<String> notes) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v == null || v.isBlank()) {
        continue;
      }
      if (out.size() == maxItems) {
        notes.add("more than " + maxItems + " " + field + "; the rest were dropped");
        break;
      }
      out.add(cut(v.strip(), maxItem, field.substring(0, field.length() - 1), notes));
    }
    return out;
  }

  private static StatedSalary salary(StatedSalary s, List<String> notes) {
    if (s == null) {
      return null;
    }
    String text = cut(s.text(), Limits.SALARY_TEXT, "salary text", notes);
    String currency = s.currency() != null && s.currency().length() > 10 ? null : s.currency();
    String unit = s.unit() != null && s.unit().length() > 50 ? null : s.unit();
    if ((text == null || text.isBlank()) && s.min() == null && s.max() == null && s.value() == null) {
      return null;
    }
    return new StatedSalary(text, currency, s.min(), s.max(), s.value(), unit);
  }
}
