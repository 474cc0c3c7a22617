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
 * @param keywords distinct words of title and description for subscribers' keyword criteria (matches only)
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
    List<Reason> reasons,
    List<String> keywords) {

  public Tagging {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    skills = List.copyOf(skills);
    certifications = List.copyOf(certifications);
    industries = List.copyOf(industries);
    reasons = List.copyOf(reasons);
  }

  public boolean matches() {
    return tier != Tier.NONE;
  }

  /** The matched-job event for {@code posting}: the compact job, with a snippet of its description. */
  public MatchedJob toMatchedJob(JobPosting posting, Instant taggedAt) {
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, posting.id(), posting.id(), posting.source(),
        posting.title(), posting.company(), posting.locations(), country, workMode, posting.employmentTypes(),
        posting.datePosted(), posting.validThrough(), posting.postingUrl(), posting.applyUrl(),
        List.of(posting.sourceUrl()), JobText.snippet(posting.description()), keywords, profileId, profileVersion,
        tier, level, score, salary, skills, certifications, industries, reasons, posting.fetchedAt(), taggedAt);
  }
}
