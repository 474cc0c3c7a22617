package io.telejobs.matcher.tag;

import io.telejobs.contracts.CompanyKey;
import io.telejobs.matcher.text.Normalizer;
import io.telejobs.matcher.title.TitleCleaner;
import java.util.List;

/**
 * The identity of a job across sources: normalised company, title and location. The same job scraped
 * from a career site and from an ATS board has the same identity, so it is published once. Its company part
 * is {@link CompanyKey}, the key the postings topic is partitioned by, so postings of one
 * identity are always in one partition and grouped by one task.
 */
public final class JobIdentity {
  private JobIdentity() {}

  /**
   * @param company hiring company, may be null
   * @param title job title as written
   * @param locations readable locations; the first one counts
   * @param country ISO country, used when there is no location
   */
  public static String of(String company, String title, List<String> locations, String country) {
    return ofTokens(company, Normalizer.titleTokens(TitleCleaner.clean(title).title()), locations, country);
  }

  /**
   * {@link #of} for a title already cleaned and tokenised.
   *
   * @param titleTokens {@link Normalizer#titleTokens} of {@link TitleCleaner#clean the cleaned} title
   */
  public static String ofTokens(String company, List<String> titleTokens, List<String> locations, String country) {
    String t = String.join(" ", titleTokens);
    String where = locations.isEmpty() ? (country == null ? "anywhere" : country.toLowerCase(java.util.Locale.ROOT))
        : String.join(" ", Normalizer.tokens(locations.get(0).split(",")[0]));
    return CompanyKey.of(company) + "|" + t + "|" + where;
  }
}
