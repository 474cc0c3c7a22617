package io.telejobs.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A job tagged against a role profile, with the reasons for every tag: what subscribers and analysts
 * need, and no more. It does not embed the posting's description; {@link #snippet()} is its start, and
 * {@link #keywords()} its words. Analysts join {@code jobs.postings.v1} on {@link #postingId()} for the
 * full text.
 *
 * <p>Topic {@link Topics#MATCHED} ({@code jobs.matched.v2}, compacted). Key: {@link #id()}. Value: this
 * record as JSON; a tombstone means the job closed or no longer matches. Only tiers other than
 * {@code none} are published. Every field is bounded ({@link Limits}), so a matched job is always far
 * below Kafka's record size limit, however large its posting.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param id the published job id, which is also the record key: the id of the first posting of the job
 *     when several sources list it, else the posting's own id
 * @param postingId the posting these tags were computed from (the newest of the job's postings)
 * @param source the source of that posting
 * @param title the title as posted
 * @param company hiring organisation, or null
 * @param locations readable locations as posted
 * @param country ISO 3166-1 alpha-2 country of the job, or null when unknown
 * @param workMode remote, hybrid, onsite or unknown
 * @param employmentTypes FULL_TIME, CONTRACTOR, ...
 * @param datePosted when the source says it was posted, or null
 * @param validThrough when the source says it expires, or null
 * @param postingUrl the employer's page for the job
 * @param applyUrl where to apply: the employer's own site or ATS when any source of the job names one
 * @param sourceUrls every page where this same job was found, the posting's own first
 * @param snippet the start of the description as plain text, at most {@link Limits#SNIPPET} characters
 * @param keywords distinct lower-case words of title and description, at most {@link Limits#KEYWORDS}, for
 *     subscribers' keyword criteria
 * @param profileId id of the role profile that tagged it
 * @param profileVersion version of that profile
 * @param tier role tier
 * @param level career level
 * @param score confidence in the tier, 0 to 1
 * @param salary normalised pay, or null when unknown
 * @param skills skills, regulations and tools found, as profile tag ids
 * @param certifications certifications found
 * @param industries industries found
 * @param reasons why each tag was given
 * @param fetchedAt when ingest last read the posting
 * @param taggedAt when the matcher tagged it
 */
public record MatchedJob(
    int schemaVersion,
    String id,
    String postingId,
    String source,
    String title,
    String company,
    List<String> locations,
    String country,
    WorkMode workMode,
    List<String> employmentTypes,
    LocalDate datePosted,
    LocalDate validThrough,
    String postingUrl,
    String applyUrl,
    List<String> sourceUrls,
    String snippet,
    List<String> keywords,
    String profileId,
    String profileVersion,
    Tier tier,
    Level level,
    double score,
    NormalizedSalary salary,
    List<String> skills,
    List<String> certifications,
    List<String> industries,
    List<Reason> reasons,
    Instant fetchedAt,
    Instant taggedAt) {

  /** 2: the compact job of {@code jobs.matched.v2} (1, on {@code jobs.matched.v1}, embedded the posting). */
  public static final int SCHEMA_VERSION = 2;

  /** Fails on a missing required field or one beyond its {@link Limits limit}. */
  public MatchedJob {
    JobPosting.requireText(id, "id");
    postingId = postingId == null || postingId.isBlank() ? id : postingId;
    JobPosting.requireText(title, "title");
    JobPosting.requireText(profileId, "profileId");
    JobPosting.requireText(profileVersion, "profileVersion");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(taggedAt, "taggedAt");
    Limits.checkLength(id, Limits.SHORT, "id");
    Limits.checkLength(postingId, Limits.SHORT, "postingId");
    Limits.checkLength(source, Limits.SHORT, "source");
    Limits.checkLength(title, Limits.TITLE, "title");
    Limits.checkLength(company, Limits.COMPANY, "company");
    locations = Limits.checkList(locations, Limits.LOCATIONS, Limits.LOCATION, "locations");
    employmentTypes = Limits.checkList(employmentTypes, Limits.EMPLOYMENT_TYPES, 50, "employmentTypes");
    Limits.checkLength(postingUrl, Limits.URL, "postingUrl");
    Limits.checkLength(applyUrl, Limits.URL, "applyUrl");
    sourceUrls = Limits.checkList(sourceUrls, Limits.SOURCE_URLS, Limits.URL, "sourceUrls");
    snippet = snippet == null ? "" : snippet;
    Limits.checkLength(snippet, Limits.SNIPPET, "snippet");
    keywords = Limits.checkList(keywords, Limits.KEYWORDS, Limits.KEYWORD, "keywords");
    level = level == null ? Level.UNKNOWN : level;
    workMode = workMode == null ? WorkMode.UNKNOWN : workMode;
    if (score < 0 || score > 1 || Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be within 0..1, was " + score);
    }
    skills = Limits.checkList(skills, 200, 100, "skills");
    certifications = Limits.checkList(certifications, 200, 100, "certifications");
    industries = Limits.checkList(industries, 200, 100, "industries");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    if (reasons.size() > Limits.REASONS) {
      throw new IllegalArgumentException("reasons has more than " + Limits.REASONS + " items");
    }
  }

  /**
   * The same job published for a group whose newest live posting is another one than this content's:
   * its posting id, source and posting page replace this one's, so nobody is sent to a closed posting.
   */
  public MatchedJob asGroup(String publishedId, String newestPostingId, String newestSource, String newestPostingUrl,
      List<String> urls, String apply) {
    return new MatchedJob(schemaVersion, publishedId, newestPostingId, newestSource, title, company, locations, country,
        workMode, employmentTypes, datePosted, validThrough, newestPostingUrl, apply, urls, snippet, keywords, profileId,
        profileVersion, tier, level, score, salary, skills, certifications, industries, reasons, fetchedAt, taggedAt);
  }

  /** The same job without its keywords: what an alert carries (the decision has used them). */
  public MatchedJob withoutKeywords() {
    return keywords.isEmpty() ? this : new MatchedJob(schemaVersion, id, postingId, source, title, company, locations,
        country, workMode, employmentTypes, datePosted, validThrough, postingUrl, applyUrl, sourceUrls, snippet,
        List.of(), profileId, profileVersion, tier, level, score, salary, skills, certifications, industries, reasons,
        fetchedAt, taggedAt);
  }

  /** The published job id, which is also the record key. */
  public String jobId() {
    return id;
  }

  /** Where a person should go: the apply link, else the posting page, else the first source. */
  public String link() {
    if (applyUrl != null) {
      return applyUrl;
    }
    if (postingUrl != null) {
      return postingUrl;
    }
    return sourceUrls.isEmpty() ? null : sourceUrls.get(0);
  }
}
