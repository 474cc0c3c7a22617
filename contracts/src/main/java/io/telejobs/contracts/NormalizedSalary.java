package io.telejobs.contracts;

import java.math.BigDecimal;

/**
 * Pay normalised by the matcher.
 *
 * @param currency ISO 4217 code
 * @param period HOUR, DAY, WEEK, MONTH or YEAR as stated
 * @param min lower bound in the stated period (equal to max for a single amount)
 * @param max upper bound in the stated period
 * @param annualMin min annualised (2080 h, 260 d, 52 w, 12 m)
 * @param annualMax max annualised
 * @param band the profile's salary band for this currency, or null when the profile has none
 * @param assumption what was assumed, e.g. "bare $ read as USD", or null
 */
public record NormalizedSalary(
    String currency,
    String period,
    BigDecimal min,
    BigDecimal max,
    BigDecimal annualMin,
    BigDecimal annualMax,
    Level band,
    String assumption) {

  public NormalizedSalary {
    JobPosting.requireText(currency, "currency");
    JobPosting.requireText(period, "period");
  }
}
