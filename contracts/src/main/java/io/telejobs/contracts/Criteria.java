package io.telejobs.contracts;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a subscriber wants. An empty set means "any".
 *
 * @param tiers wanted tiers; empty means core, adjacent and pathway
 * @param levels wanted levels
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param workModes wanted work modes
 * @param minAnnualSalary minimum annual pay in {@code salaryCurrency}; a job with unknown pay never
 *     matches a subscription that sets it
 * @param salaryCurrency ISO 4217 code of {@code minAnnualSalary}
 * @param includeKeywords any of these words must appear in title or description (lower case)
 * @param excludeKeywords none of these words may appear (lower case)
 * @param excludeCompanies companies never to alert about (lower case)
 * @param bands wanted salary bands of the role profile (entry, mid, senior); a job whose band is unknown
 *     never matches a subscription that names bands
 * @param locations places (lower case), any of which must be one of the job's locations or a part of
 *     one: a city, a state or region, e.g. {@code boston}, {@code karnataka}, {@code new york}
 */
public record Criteria(
    Set<Tier> tiers,
    Set<Level> levels,
    Set<String> countries,
    Set<WorkMode> workModes,
    BigDecimal minAnnualSalary,
    String salaryCurrency,
    Set<String> includeKeywords,
    Set<String> excludeKeywords,
    Set<String> excludeCompanies,
    Set<Level> bands,
    Set<String> locations) {

  public Criteria {
    tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
    if (tiers.contains(Tier.NONE)) {
      throw new IllegalArgumentException("tiers: 'none' cannot be subscribed to");
    }
    levels = levels == null ? Set.of() : Set.copyOf(levels);
    countries = countries == null ? Set.of() : Set.copyOf(countries);
    workModes = workModes == null ? Set.of() : Set.copyOf(workModes);
    includeKeywords = includeKeywords == null ? Set.of() : Set.copyOf(includeKeywords);
    excludeKeywords = excludeKeywords == null ? Set.of() : Set.copyOf(excludeKeywords);
    excludeCompanies = excludeCompanies == null ? Set.of() : Set.copyOf(excludeCompanies);
    bands = bands == null ? Set.of() : Set.copyOf(bands);
    locations = locations == null ? Set.of() : Set.copyOf(locations);
    if (minAnnualSalary != null && (salaryCurrency == null || salaryCurrency.isBlank())) {
      throw new IllegalArgumentException("salaryCurrency is required with minAnnualSalary");
    }
  }

  /** Criteria without bands and locations. */
  public Criteria(Set<Tier> tiers, Set<Level> levels, Set<String> countries, Set<WorkMode> workModes,
      BigDecimal minAnnualSalary, String salaryCurrency, Set<String> includeKeywords, Set<String> excludeKeywords,
      Set<String> excludeCompanies) {
    this(tiers, levels, countries, workModes, minAnnualSalary, salaryCurrency, includeKeywords, excludeKeywords,
        excludeCompanies, null, null);
  }

  /** Criteria that accept every matched job. */
  public static Criteria any() {
    return new Criteria(null, null, null, null, null, null, null, null, null, null, null);
  }
}
