package io.telejobs.matcher.tag;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which apply link a job found at several sources is published with. Another source that copies a job's
 * company, title and city must not be able to replace its apply link, so the employer's own link wins:
 * an applicant-tracking system's link first, then any other site's, then a job board or aggregator's.
 * Among equals, the first source that listed the job wins.
 */
public final class ApplyLinks {
  private static final List<String> ATS_HOSTS = List.of("greenhouse.io", "lever.co", "ashbyhq.com",
      "myworkdayjobs.com", "myworkdaysite.com", "workday.com", "smartrecruiters.com", "workable.com",
      "recruitee.com", "icims.com", "oraclecloud.com", "taleo.net", "successfactors.com", "successfactors.eu",
      "jobvite.com", "bamboohr.com", "breezy.hr", "applytojob.com", "paylocity.com", "ultipro.com",
      "dayforcehcm.com", "adp.com", "usajobs.gov");
  private static final List<String> AGGREGATOR_HOSTS = List.of("remotive.com", "adzuna.com", "adzuna.co.uk",
      "adzuna.in", "indeed.com", "linkedin.com", "glassdoor.com", "ziprecruiter.com", "monster.com",
      "naukri.com", "simplyhired.com", "careerbuilder.com", "talent.com", "jooble.org", "google.com");

  private ApplyLinks() {}

  /** The link to publish: the best-ranked of {@code links} (first wins a tie), or null when all are null. */
  public static String preferred(List<String> links) {
    String best = null;
    int bestRank = -1;
    for (String link : links) {
      int rank = rank(link);
      if (rank > bestRank) {
        best = link;
        bestRank = rank;
      }
    }
    return best;
  }

  /** 3 for an applicant-tracking system, 2 for another site, 1 for a job board, -1 for none. */
  static int rank(String link) {
    if (link == null || link.isBlank()) {
      return -1;
    }
    String host;
    try {
      host = URI.create(link.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return 0;
    }
    if (host == null) {
      return 0;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (matches(host, ATS_HOSTS)) {
      return 3;
    }
    return matches(host, AGGREGATOR_HOSTS) ? 1 : 2;
  }

  private static boolean matches(String host, List<String> suffixes) {
    for (String s : suffixes) {
      if (host.equals(s) || host.endsWith("." + s)) {
        return true;
      }
    }
    return false;
  }
}
