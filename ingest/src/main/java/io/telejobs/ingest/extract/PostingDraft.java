package io.telejobs.ingest.extract;

import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A posting as a parser found it on one page, before it gets its stable id and fetch metadata.
 *
 * @param externalId the source's own id (schema.org {@code identifier}), or null
 * @param title job title, never blank
 * @param company hiring organisation, or null
 * @param locations readable locations
 * @param countries ISO alpha-2 codes from structured data
 * @param workMode work mode when stated
 * @param workModeEvidence how the work mode was known
 * @param employmentTypes e.g. FULL_TIME
 * @param salary pay as stated, or null
 * @param description clean text
 * @param datePosted posted date, or null
 * @param validThrough expiry date, or null
 * @param url the posting's own page when the source states one (its job page), or null
 * @param applyUrl where to apply when the source names a separate link (an application form), or null
 */
public record PostingDraft(
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
    String url,
    String applyUrl) {

  public PostingDraft {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a posting needs a title");
    }
    locations = List.copyOf(locations);
    countries = List.copyOf(countries);
    employmentTypes = List.copyOf(employmentTypes);
  }

  /** A draft whose source names no separate apply link. */
  public PostingDraft(String externalId, String title, String company, List<String> locations, List<String> countries,
      WorkMode workMode, String workModeEvidence, List<String> employmentTypes, StatedSalary salary, String description,
      LocalDate datePosted, LocalDate validThrough, String url) {
    this(externalId, title, company, locations, countries, workMode, workModeEvidence, employmentTypes, salary,
        description, datePosted, validThrough, url, null);
  }
}
