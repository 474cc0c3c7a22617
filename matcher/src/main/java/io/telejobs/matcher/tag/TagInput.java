package io.telejobs.matcher.tag;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Limits;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.util.List;

/**
 * What the tagger reads. Only the title is required, so analysts can tag a bare title.
 *
 * @param title job title
 * @param description description text, or empty
 * @param company company, or null
 * @param locations readable locations
 * @param countries ISO codes from structured data
 * @param workMode structured work mode
 * @param workModeEvidence how the structured work mode was known
 * @param salary stated pay, or null
 */
public record TagInput(
    String title,
    String description,
    String company,
    List<String> locations,
    List<String> countries,
    WorkMode workMode,
    String workModeEvidence,
    StatedSalary salary) {

  public TagInput {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required");
    }
    // the matcher's own edge: whatever wrote the input, no text longer than the documented limits is read
    title = Limits.cut(title, Limits.TITLE);
    description = description == null ? "" : Limits.cut(description, Limits.DESCRIPTION);
    company = Limits.cut(company, Limits.COMPANY);
    locations = locations == null ? List.of() : List.copyOf(locations);
    countries = countries == null ? List.of() : List.copyOf(countries);
    workMode = workMode == null ? WorkMode.UNKNOWN : workMode;
  }

  public static TagInput of(JobPosting p) {
    return new TagInput(p.title(), p.description(), p.company(), p.locations(), p.countries(),
        p.workMode(), p.workModeEvidence(), p.salary());
  }
}
