package io.telejobs.matcher.salary;

import java.math.BigDecimal;

/**
 * Pay read from text or structured data, in its own period.
 *
 * @param currency ISO 4217 code
 * @param period the period the amounts are paid per
 * @param min lower bound, or null for "up to"
 * @param max upper bound, or null for "from"
 * @param assumption what was assumed, or null
 */
public record ParsedSalary(String currency, Period period, BigDecimal min, BigDecimal max, String assumption) {
  public ParsedSalary {
    if (currency == null || period == null || (min == null && max == null)) {
      throw new IllegalArgumentException("a parsed salary needs a currency, a period and an amount");
    }
    min = plain(min);
    max = plain(max);
  }

  /** 95000.00 and 9.5E+4 both become 95000, so that equal amounts compare and print alike. */
  static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
