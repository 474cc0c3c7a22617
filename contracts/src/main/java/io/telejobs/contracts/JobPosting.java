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
 * @param applyUrl where to apply
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
    String applyUrl,
    String sourceUrl,
    Instant fetchedAt,
    String contentHash) {

  public static final int SCHEMA_VERSION = 1;

  public JobPosting {
    requireText(id, "id");
    requireText(source, "source");
    requireText(title, "title");
    requireText(sourceUrl, "sourceUrl");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    locations = locations == null ? List.of() : List.copyOf(locations);
    countries = countries == null ? List.of() : List.copyOf(countries);
    employmentTypes = employmentTypes == null ? List.of() : List.copyOf(employmentTypes);
    workMode = workMode == null ? WorkMode.UNKNOWN : workMode;
    description = description == null ? "" : description;
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
