package io.telejobs.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A posting tagged against a role profile, with the reasons for every tag.
 *
 * <p>Topic {@link Topics#MATCHED} ({@code jobs.matched.v1}, compacted). Key: the posting id. Value: this
 * record as JSON; a tombstone means the job closed. Only postings whose tier is not {@code none} are
 * published.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param posting the posting as ingested
 * @param profileId id of the role profile that tagged it
 * @param profileVersion version of that profile
 * @param tier role tier
 * @param level career level
 * @param score confidence in the tier, 0 to 1
 * @param salary normalised pay, or null when unknown
 * @param country ISO 3166-1 alpha-2 country of the job, or null when unknown
 * @param workMode remote, hybrid, onsite or unknown
 * @param skills skills, regulations and tools found, as profile tag ids
 * @param certifications certifications found
 * @param industries industries found
 * @param reasons why each tag was given
 * @param taggedAt when the matcher tagged it
 * @param sourceUrls every source URL where this same job was found (same company, title and location);
 *     the posting's own first
 * @param id the published job id, which is also the record key: the id of the first posting of the job
 *     when several sources list it, else the posting's own id
 */
public record MatchedJob(
    int schemaVersion,
    JobPosting posting,
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
    Instant taggedAt,
    List<String> sourceUrls,
    String id) {

  public static final int SCHEMA_VERSION = 1;

  public MatchedJob {
    Objects.requireNonNull(posting, "posting");
    JobPosting.requireText(profileId, "profileId");
    JobPosting.requireText(profileVersion, "profileVersion");
    Objects.requireNonNull(tier, "tier");
    level = level == null ? Level.UNKNOWN : level;
    workMode = workMode == null ? WorkMode.UNKNOWN : workMode;
    if (score < 0 || score > 1 || Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be within 0..1, was " + score);
    }
    skills = skills == null ? List.of() : List.copyOf(skills);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
    industries = industries == null ? List.of() : List.copyOf(industries);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    Objects.requireNonNull(taggedAt, "taggedAt");
    sourceUrls = sourceUrls == null || sourceUrls.isEmpty() ? List.of(posting.sourceUrl()) : List.copyOf(sourceUrls);
    id = id == null || id.isBlank() ? posting.id() : id;
  }

  /** The same job, published under {@code publishedId} with these source URLs. */
  public MatchedJob asGroup(String publishedId, List<String> urls) {
    return new MatchedJob(schemaVersion, posting, profileId, profileVersion, tier, level, score, salary, country,
        workMode, skills, certifications, industries, reasons, taggedAt, urls, publishedId);
  }

  /** The published job id, which is also the record key. */
  public String jobId() {
    return id;
  }
}
