package io.telejobs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.matcher.salary.ParsedSalary;
import io.telejobs.matcher.salary.SalaryBands;
import io.telejobs.matcher.salary.SalaryNormalizer;
import io.telejobs.matcher.salary.SalaryParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pay reader on any text and any structured amount: it never throws, takes bounded time, and what it
 * reads, written out, reads back the same.
 */
class SalaryFuzzTest {
  private static final SalaryParser PARSER = new SalaryParser();
  private static final SalaryNormalizer NORMALIZER = new SalaryNormalizer(new SalaryBands(Map.of()));
  private static final List<String> COUNTRIES = java.util.Arrays.asList("US", "IN", "GB", "CA", "AU", "DE", null);

  @FuzzTest
  void readsAnyTextAndWritesBackWhatItRead(FuzzedDataProvider data) {
    String country = data.pickValue(COUNTRIES);
    String text = data.consumeRemainingAsString();
    Bounded.run("parsing pay", () -> {
      Optional<ParsedSalary> parsed = PARSER.parse(text, null, country);
      if (parsed.isPresent()) {
        ParsedSalary p = parsed.get();
        Optional<ParsedSalary> again = PARSER.parse(p.text(), null, country);
        if (again.isEmpty() || !same(p, again.get())) {
          throw new AssertionError("'" + text + "' read as '" + p.text() + "', which reads back as " + again);
        }
      }
    });
  }

  @FuzzTest
  void normalisesAnyStructuredAmount(FuzzedDataProvider data) {
    String unit = data.consumeString(12);
    String currency = data.consumeString(5);
    BigDecimal value = amount(data);
    BigDecimal min = amount(data);
    String text = data.consumeRemainingAsString();
    Bounded.run("normalising pay", () -> {
      if (text.isBlank() && value == null && min == null) {
        return;
      }
      NORMALIZER.normalize(new StatedSalary(text.length() > 500 ? text.substring(0, 500) : text, currency, min, null,
          value, unit), "US");
    });
  }

  private static BigDecimal amount(FuzzedDataProvider data) {
    if (!data.consumeBoolean()) {
      return null;
    }
    return new BigDecimal(java.math.BigInteger.valueOf(data.consumeLong()), data.consumeInt(-2_000_000_000, 2_000_000_000));
  }

  private static boolean same(ParsedSalary a, ParsedSalary b) {
    return a.currency().equals(b.currency()) && a.period() == b.period() && eq(a.min(), b.min()) && eq(a.max(), b.max());
  }

  private static boolean eq(BigDecimal x, BigDecimal y) {
    return x == null ? y == null : y != null && x.compareTo(y) == 0;
  }
}
