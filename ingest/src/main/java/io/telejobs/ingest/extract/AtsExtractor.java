package io.telejobs.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the public job-board APIs of applicant tracking systems onto postings. Each vendor's reader is
 * its own class, written from real captured answers (see {@code ingest/src/test/resources/ats/real}):
 * {@link GreenhouseAnswer}, {@link LeverAnswer}, {@link AshbyAnswer}, {@link WorkdayAnswer},
 * {@link SmartRecruitersAnswer}, {@link RecruiteeAnswer}, {@link WorkableAnswer}, {@link RemotiveAnswer},
 * {@link UsaJobsAnswer} and {@link AdzunaAnswer}. A job that cannot be read is a problem line naming the field; the others
 * are still read.
 */
public final class AtsExtractor {
  private AtsExtractor() {}

  /** Which board API a source reads. */
  public enum Kind {
    GREENHOUSE,
    LEVER,
    ASHBY,
    WORKDAY,
    SMARTRECRUITERS,
    RECRUITEE,
    WORKABLE,
    REMOTIVE,
    USAJOBS,
    ADZUNA
  }

  /**
   * What a reader knows besides the answer.
   *
   * @param company the company the sources file names, which wins; or null
   * @param board the board's name on the ATS, the company of last resort
   * @param today the crawl's date, for relative dates ("Posted 3 Days Ago")
   */
  public record Context(String company, String board, LocalDate today) {
    /** The company: the configured one, else the one the answer names, else the board's name. */
    String companyOr(String fromAnswer) {
      return company != null ? company : fromAnswer != null ? fromAnswer : board;
    }
  }

  /** One job of one answer to a posting. */
  @FunctionalInterface
  interface JobReader {
    PostingDraft read(JsonNode job, JsonNode answer, Context context);
  }

  /** Reads every job of a list answer whose jobs need no further request. */
  public static Extraction parse(Kind kind, String json, String company) {
    return parse(kind, json, new Context(null, company, LocalDate.now(ZoneOffset.UTC)));
  }

  /** Reads every job of one list answer. */
  public static Extraction parse(Kind kind, String json, Context context) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return new Extraction(List.of(), List.of(AnswerFields.notJson(name(kind) + " answer", json, e)));
    }
    if (root == null) {
      return new Extraction(List.of(), List.of(name(kind) + " answer is empty"));
    }
    return switch (kind) {
      case GREENHOUSE -> each(kind, root, root.path("jobs"), "jobs", context, GreenhouseAnswer::job);
      case LEVER -> each(kind, root, root, "(a list)", context, LeverAnswer::job);
      case ASHBY -> each(kind, root, root.path("jobs"), "jobs", context, AshbyAnswer::job);
      case WORKDAY -> each(kind, root, root.path("jobPostings"), "jobPostings", context, WorkdayAnswer::listed);
      case SMARTRECRUITERS -> each(kind, root, root.path("content"), "content", context, SmartRecruitersAnswer::listed);
      case RECRUITEE -> each(kind, root, root.path("offers"), "offers", context, RecruiteeAnswer::job);
      case WORKABLE -> each(kind, root, root.path("jobs"), "jobs", context, WorkableAnswer::job);
      case REMOTIVE -> each(kind, root, root.path("jobs"), "jobs", context, RemotiveAnswer::job);
      case USAJOBS -> each(kind, root, root.path("SearchResult").path("SearchResultItems"), "SearchResult.SearchResultItems",
          context, UsaJobsAnswer::item);
      case ADZUNA -> each(kind, root, root.path("results"), "results", context, AdzunaAnswer::job);
    };
  }

  /**
   * The total number of jobs a paged answer reports (SmartRecruiters {@code totalFound}, USAJOBS
   * {@code SearchResult.SearchResultCountAll}, Adzuna {@code count}), or -1 when it does not say.
   */
  public static int total(Kind kind, String json) {
    try {
      JsonNode root = Json.mapper().readTree(json);
      JsonNode n = root == null ? null : switch (kind) {
        case SMARTRECRUITERS -> root.get("totalFound");
        case USAJOBS -> root.path("SearchResult").get("SearchResultCountAll");
        case ADZUNA -> root.get("count");
        default -> null;
      };
      if (n != null && n.canConvertToInt()) {
        return n.asInt();
      }
      return n != null && n.isTextual() && n.asText().matches("\\d{1,9}") ? Integer.parseInt(n.asText()) : -1;
    } catch (JsonProcessingException e) {
      return -1;
    }
  }

  /** The vendor's name as people write it. */
  public static String name(Kind kind) {
    return switch (kind) {
      case GREENHOUSE -> "Greenhouse";
      case LEVER -> "Lever";
      case ASHBY -> "Ashby";
      case WORKDAY -> "Workday";
      case SMARTRECRUITERS -> "SmartRecruiters";
      case RECRUITEE -> "Recruitee";
      case WORKABLE -> "Workable";
      case REMOTIVE -> "Remotive";
      case USAJOBS -> "USAJOBS";
      case ADZUNA -> "Adzuna";
    };
  }

  private static Extraction each(Kind kind, JsonNode root, JsonNode jobs, String field, Context context, JobReader reader) {
    if (!jobs.isArray()) {
      return new Extraction(List.of(), List.of(name(kind) + " answer has no list of jobs (field '" + field + "')"
          + (root.isTextual() || root.isValueNode() ? "" : "; it has " + fieldsOf(root))));
    }
    List<PostingDraft> postings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (JsonNode job : jobs) {
      i++;
      try {
        if (!job.isObject()) {
          throw new IllegalArgumentException("it is not an object");
        }
        postings.add(reader.read(job, root, context));
      } catch (RuntimeException e) {
        problems.add(name(kind) + " job " + i + " skipped: " + e.getMessage());
      }
    }
    return new Extraction(postings, problems);
  }

  private static String fieldsOf(JsonNode root) {
    List<String> names = new ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no fields" : "fields " + String.join(", ", names.subList(0, Math.min(8, names.size())));
  }
}
