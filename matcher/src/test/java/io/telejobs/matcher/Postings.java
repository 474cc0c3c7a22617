package io.telejobs.matcher;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.time.Instant;
import java.util.List;

/** Realistic postings for matcher tests. */
public final class Postings {
  private Postings() {}

  public static JobPosting posting(String id, String title, String description) {
    return posting(id, title, description, "Columbus, OH, US");
  }

  /** A posting at {@code location}; postings at different locations are different jobs. */
  public static JobPosting posting(String id, String title, String description, String location) {
    return new JobPosting(JobPosting.SCHEMA_VERSION, id, "test", null, title, "Riverside Health",
        List.of(location), List.of("US"), WorkMode.REMOTE, "jobLocationType=TELECOMMUTE",
        List.of("FULL_TIME"), StatedSalary.ofText("$100,000 - $115,000 a year"), description, null, null,
        "https://careers.example.org/jobs/" + id, "https://careers.example.org/jobs/" + id,
        "https://careers.example.org/jobs/" + id,
        Instant.parse("2026-11-20T10:00:00Z"), Integer.toHexString((title + description).hashCode()));
  }
}
