package io.telejobs.notifier.delivery;

import io.telejobs.contracts.NormalizedSalary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Pay as a reader expects it: as posted, plus the yearly figure when the posting gave another period
 * ("$24–28 an hour (about $50–58k a year)"), and rupees in lakhs a year ("₹12–15 LPA"). Plain Java.
 */
public final class PayText {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal LAKH = BigDecimal.valueOf(100_000);

  private PayText() {}

  /** The pay in words, or null when there is none. */
  public static String of(NormalizedSalary s) {
    if (s == null || (s.annualMin() == null && s.annualMax() == null)) {
      return null;
    }
    String currency = s.currency();
    if (currency.equals("INR")) {
      return range("₹", lakhs(s.annualMin()), lakhs(s.annualMax()), "") + " LPA";
    }
    String symbol = symbol(currency);
    String annual = range(symbol, thousands(s.annualMin()), thousands(s.annualMax()), "k");
    String period = s.period() == null ? "YEAR" : s.period();
    if (period.equals("YEAR") || s.min() == null && s.max() == null) {
      return annual + " a year";
    }
    String posted = range(symbol, plain(s.min()), plain(s.max()), "");
    return posted + " " + per(period) + " (about " + annual + " a year)";
  }

  private static String range(String symbol, String min, String max, String unit) {
    if (min == null) {
      return "up to " + symbol + max + unit;
    }
    if (max == null) {
      return "from " + symbol + min + unit;
    }
    return min.equals(max) ? symbol + min + unit : symbol + min + "–" + max + unit;
  }

  private static String lakhs(BigDecimal v) {
    return v == null ? null : oneDecimal(v.divide(LAKH, 1, RoundingMode.HALF_UP));
  }

  private static String thousands(BigDecimal v) {
    return v == null ? null : oneDecimal(v.divide(THOUSAND, 1, RoundingMode.HALF_UP));
  }

  private static String plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? grouped(s) : s.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String grouped(BigDecimal whole) {
    return String.format(Locale.ROOT, "%,d", whole.longValueExact());
  }

  private static String oneDecimal(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? grouped(s.setScale(0, RoundingMode.UNNECESSARY)) : s.toPlainString();
  }

  private static String symbol(String currency) {
    return switch (currency) {
      case "USD" -> "$";
      case "GBP" -> "£";
      case "EUR" -> "€";
      case "CAD" -> "CA$";
      case "AUD" -> "A$";
      default -> currency + " ";
    };
  }

  private static String per(String period) {
    return switch (period) {
      case "HOUR" -> "an hour";
      case "DAY" -> "a day";
      case "WEEK" -> "a week";
      case "MONTH" -> "a month";
      default -> "a year";
    };
  }
}
