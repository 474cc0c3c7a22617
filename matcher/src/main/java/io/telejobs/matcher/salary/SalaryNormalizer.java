package io.telejobs.matcher.salary;

import java.util.regex.Pattern;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.StatedSalary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises stated pay: structured amounts first, text second; annualises through {@link Period} and
 * assigns the profile's band.
 */
public final class SalaryNormalizer {
  private final SalaryParser parser = new SalaryParser();
  private final DescriptionPay descriptionPay = new DescriptionPay();
  private final SalaryBands bands;

  /** A normalised salary, or none, with the reason either way. */
  public record Result(NormalizedSalary salary, Reason reason) {}

  public SalaryNormalizer(SalaryBands bands) {
    this.bands = bands;
  }

  public Result normalize(StatedSalary stated, String country) {
    if (stated == null) {
      return new Result(null, new Reason("salary=unknown", "salary.not-stated", ""));
    }
    Optional<ParsedSalary> parsed;
    String rule = "salary.structured";
    try {
      parsed = fromStructure(stated);
      if (parsed.isEmpty()) {
        SalaryParser.Reading reading = parser.read(stated.text(), stated.currency(), country);
        if (reading.notPay() != null) {
          return new Result(null, new Reason("salary=unknown", "salary.not-pay: " + reading.notPay(), stated.text()));
        }
        parsed = reading.salary();
        rule = "salary.text";
      }
    } catch (IllegalArgumentException e) {
      return new Result(null, new Reason("salary=unknown", "salary.not-pay: " + e.getMessage(),
          stated.text() == null ? "(structured amount)" : stated.text()));
    }
    if (parsed.isEmpty()) {
      return new Result(null, new Reason("salary=unknown", "salary.no-amount",
          stated.text() == null ? "" : stated.text()));
    }
    String evidence = stated.text() != null ? stated.text() : describe(stated);
    return result(parsed.get(), rule, evidence);
  }

  /**
   * Pay read from the description, for a posting with no stated pay: the reason names the sentence.
   *
   * @param description the posting's description
   * @param country the posting's country, or null
   */
  public Result fromDescription(String description, String country) {
    Optional<DescriptionPay.Found> found = descriptionPay.find(description, country);
    if (found.isEmpty()) {
      return new Result(null, new Reason("salary=unknown", "salary.not-stated", ""));
    }
    return result(found.get().salary(), "salary.description", found.get().sentence());
  }

  private Result result(ParsedSalary p, String rule, String evidence) {
    BigDecimal annualMin = ParsedSalary.plain(p.period().annualise(p.min()));
    BigDecimal annualMax = ParsedSalary.plain(p.period().annualise(p.max()));
    String implausible = implausible(annualMin, annualMax);
    if (implausible != null) {
      return new Result(null, new Reason("salary=unknown", "salary.not-pay: " + implausible, evidence));
    }
    Level band = bands.bandOf(p.currency(), annualMin, annualMax);
    NormalizedSalary n = new NormalizedSalary(p.currency(), p.period().name(), p.min(), p.max(),
        annualMin, annualMax, band, p.assumption());
    String tag = "salary=" + p.currency() + " " + show(annualMin) + "-" + show(annualMax) + "/year"
        + (band == null ? "" : " band=" + band.name().toLowerCase(Locale.ROOT));
    return new Result(n, new Reason(tag, rule + (p.assumption() == null ? "" : " (" + p.assumption() + ")"), evidence));
  }

  /** No pay is above this a year, in any currency (INR 10 crore, USD 100 million): a larger amount is not pay. */
  public static final BigDecimal MAX_ANNUAL = BigDecimal.valueOf(100_000_000L);

  /** Why an annual range cannot be pay, or null when it can. */
  static String implausible(BigDecimal annualMin, BigDecimal annualMax) {
    for (BigDecimal v : new BigDecimal[] {annualMin, annualMax}) {
      if (v == null) {
        continue;
      }
      if (v.signum() <= 0) {
        return "an amount of " + v.toPlainString() + " is not pay";
      }
      if (v.compareTo(MAX_ANNUAL) > 0) {
        return "an annual amount of " + (v.precision() - v.scale() > 30 ? "over 10^30" : v.toPlainString())
            + " is above any real pay (" + MAX_ANNUAL.toPlainString() + " a year)";
      }
    }
    return null;
  }

  private Optional<ParsedSalary> fromStructure(StatedSalary s) {
    BigDecimal min = s.min() != null ? s.min() : s.value();
    BigDecimal max = s.max() != null ? s.max() : s.value();
    if ((min == null && max == null) || s.currency() == null || !SalaryParser.CURRENCY_CODE.matcher(s.currency()).matches()) {
      return Optional.empty();
    }
    Period period = Period.parse(s.unit());
    String assumption = null;
    if (period == null) {
      if (s.text() != null) {
        Optional<ParsedSalary> fromText = parser.parse(s.text(), s.currency(), null);
        if (fromText.isPresent()) {
          return fromText;
        }
      }
      BigDecimal amount = max != null ? max : min;
      period = amount.compareTo(BigDecimal.valueOf(300)) < 0 ? Period.HOUR : Period.YEAR;
      assumption = "unitText missing; read as " + period.name().toLowerCase(Locale.ROOT) + " from the amount";
    }
    return Optional.of(new ParsedSalary(s.currency().toUpperCase(Locale.ROOT), period,
        min, max, assumption));
  }

  private static String describe(StatedSalary s) {
    return List.of(String.valueOf(s.currency()), String.valueOf(s.min()), String.valueOf(s.max()),
        String.valueOf(s.value()), String.valueOf(s.unit())).toString();
  }

  private static String show(BigDecimal v) {
    return v == null ? "?" : v.toPlainString();
  }
}
