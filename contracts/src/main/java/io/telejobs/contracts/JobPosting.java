package io.telejobs.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One job posting as scraped from a source.
 *
 * <p>Topic {@link Topics#POSTINGS} ({@code jobs.postings.v1}, compacted). Key: {@link #id()} as a UTF-8
 * string. Value: this record as JSON; a {@code null} value (tombstone) means the job closed.
 *
 * @param schemaVersion version of this value's JSON shape, {@link #SCHEMA_VERSION}
 * @param id stable posting id: source plus external id, or source plus canonical URL
 * @param source the configured source name the posting came from
 * @param externalId the source's own id for the job, when it has one
 * @param title the job title as written
 * @param company hiring organisation name
 * @param locations human-readable locations ("Boston, MA, US")
 * @param countries ISO 3166-1 alpha-2 codes stated in structured data, upper case
 * @param workMode remote, hybrid or onsite when known
 * @param workModeEvidence how the work mode was known ("jobLocationType=TELECOMMUTE")
 * @param employmentTypes e.g. FULL_TIME, CONTRACTOR
 * @param salary pay as stated, or null when the source says nothing
 * @param description clean text, no markup
 * @param datePosted when the source says the job was posted
 * @param validThrough when the source says the posting expires
 * @param postingUrl the employer's own page for this posting (its job page on the career site or ATS board),
 *     or null when the source has none
 * @param applyUrl where to apply: the application form when the source names one, else the posting page
 * @param sourceUrl the page or API URL the posting was read from
 * @param fetchedAt when ingest read it
 * @param contentHash hash of the fields that matter downstream; unchanged hash means unchanged posting
 */
public record JobPosting(
    int schemaVersion,
    String id,
    String source,
    String externalId,
    String title,
    String company,
    List<String> locations,
    List<String> countries,
    WorkMode workMode,
    String workModeEvidence,
    List<String> employmentTypes,
    StatedSalary salary,
    String description,
    LocalDate datePosted,
    LocalDate validThrough,
    String postingUrl,
    String applyUrl,
    String sourceUrl,
    Instant fetchedAt,
    String contentHash) {

  /** 2 added {@code postingUrl}; readers accept 1 and 2. */
  public static final int SCHEMA_VERSION = 2;

  /** Fails on a missing required field or one longer than its {@link Limits limit}. */
  public JobPosting {
    requireText(id, "id");
    requireText(source, "source");
    requireText(title, "title");
    requireText(sourceUrl, "sourceUrl");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Limits.checkLength(id, Limits.SHORT, "id");
    Limits.checkLength(source, Limits.SHORT, "source");
    Limits.checkLength(externalId, Limits.SHORT, "externalId");
    Limits.checkLength(title, Limits.TITLE, "title");
    Limits.checkLength(company, Limits.COMPANY, "company");
    locations = Limits.checkList(locations, Limits.LOCATIONS, Limits.LOCATION, "locations");
    countries = Limits.checkList(countries, Limits.COUNTRIES, 2, "countries");
    employmentTypes = Limits.checkList(employmentTypes, Limits.EMPLOYMENT_TYPES, 50, "employmentTypes");
    Limits.checkLength(workModeEvidence, Limits.SHORT, "workModeEvidence");
    workMode = workMode == null ? WorkMode.UNKNOWN : workMode;
    description = description == null ? "" : description;
    Limits.checkLength(description, Limits.DESCRIPTION, "description");
    Limits.checkLength(postingUrl, Limits.URL, "postingUrl");
    Limits.checkLength(applyUrl, Limits.URL, "applyUrl");
    Limits.checkLength(sourceUrl, Limits.URL, "sourceUrl");
    Limits.checkLength(contentHash, Limits.SHORT, "contentHash");
  }

  /** The employer's page for the posting: {@link #postingUrl()}, else the page it was read from. */
  public String pageUrl() {
    return postingUrl != null ? postingUrl : sourceUrl;
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
