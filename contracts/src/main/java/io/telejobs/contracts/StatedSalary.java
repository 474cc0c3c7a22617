package io.telejobs.contracts;

import java.math.BigDecimal;

/**
 * Pay exactly as the source stated it; the matcher normalises it. Every field is optional, but at least
 * the text or one amount is present.
 *
 * @param text free text as written on the page ("$120,000 - $140,000 a year", "₹15 LPA")
 * @param currency ISO 4217 code when the source gave one in structured data
 * @param min lower bound of a stated range
 * @param max upper bound of a stated range
 * @param value a single stated amount
 * @param unit the source's period word (HOUR, DAY, WEEK, MONTH, YEAR), as given
 */
public record StatedSalary(
    String text, String currency, BigDecimal min, BigDecimal max, BigDecimal value, String unit) {

  public StatedSalary {
    if (blank(text) && min == null && max == null && value == null) {
      throw new IllegalArgumentException("a stated salary needs text or an amount");
    }
    Limits.checkLength(text, Limits.SALARY_TEXT, "salary.text");
    Limits.checkLength(currency, 10, "salary.currency");
    Limits.checkLength(unit, 50, "salary.unit");
  }

  /** A salary known only as text. */
  public static StatedSalary ofText(String text) {
    return new StatedSalary(text, null, null, null, null, null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
