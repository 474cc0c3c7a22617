package io.telejobs.matcher.tag;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.time.Instant;
import java.util.List;

/**
 * Every tag of one posting, each with its reasons.
 *
 * @param profileId the profile that tagged it
 * @param profileVersion its version
 * @param tier role tier
 * @param level career level
 * @param score confidence in the tier
 * @param salary normalised pay, or null
 * @param country ISO country, or null
 * @param workMode work mode
 * @param skills skill tag ids
 * @param certifications certification tag ids
 * @param industries industry tag ids
 * @param reasons why
 */
public record Tagging(
    String profileId,
    String profileVersion,
    Tier tier,
    Level level,
    double score,
    NormalizedSalary salary,
    String country,
    WorkMode workMode,
    List<String> skills,
    List<String> certifications,
    List<String> industries,
    List<Reason> reasons) {

  public Tagging {
    skills = List.copyOf(skills);
    certifications = List.copyOf(certifications);
    industries = List.copyOf(industries);
    reasons = List.copyOf(reasons);
  }

  public boolean matches() {
    return tier != Tier.NONE;
  }

  /** The matched-job event for {@code posting}. */
  public MatchedJob toMatchedJob(JobPosting posting, Instant taggedAt) {
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, posting, profileId, profileVersion, tier, level,
        score, salary, country, workMode, skills, certifications, industries, reasons, taggedAt, null, null);
  }
}
