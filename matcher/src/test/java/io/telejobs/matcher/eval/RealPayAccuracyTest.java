package io.telejobs.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.matcher.salary.ParsedSalary;
import io.telejobs.matcher.salary.SalaryParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact pay (currency, period, min and max), given the posting's country, on real pay strings
 * ({@code eval/real/pay-strings-real.tsv}): Glassdoor's US estimates and two UK boards of the Adzuna sample in the
 * dev part; Glassdoor Australia's (where "$" is AUD), Naukri's ("4-5 Lacs PA", "Not disclosed"), Indeed US ("$85,225
 * - $135,355 a year") and the Adzuna sample's other UK boards in the test part. Prints the figures of both parts, by
 * currency, and the misses of the dev part.
 */
class RealPayAccuracyTest {
  @ParameterizedTest
  @ValueSource(strings = {"dev", "test"})
  void exactPayOnRealStrings(String part) throws IOException {
    SalaryParser parser = new SalaryParser();
    int rows = 0;
    int exact = 0;
    List<String> misses = new ArrayList<>();
    java.util.Map<String, int[]> byCurrency = new java.util.TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/eval/real/pay-strings-real.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (!f[6].equals(part)) {
          continue;
        }
        rows++;
        Optional<ParsedSalary> got = parser.parse(f[0], null, f[1]);
        String expected = f[2].equals("-") ? "none" : f[2] + " " + f[3] + " " + f[4] + ".." + f[5];
        String actual = got.map(p -> p.currency() + " " + p.period() + " " + plain(p.min()) + ".." + plain(p.max()))
            .orElse("none");
        int[] tally = byCurrency.computeIfAbsent(f[2].equals("-") ? "no pay" : f[2], k -> new int[2]);
        tally[0]++;
        if (expected.equals(actual)) {
          exact++;
          tally[1]++;
        } else {
          misses.add(String.format(Locale.ROOT, "  %-50s expected %-28s got %s", f[0], expected, actual));
        }
      }
    }
    double rate = (double) exact / rows;
    System.out.printf(Locale.ROOT, "Real pay strings, %s part: %d strings, exact %.3f (%d)%n", part, rows, rate, exact);
    byCurrency.forEach((currency, t) -> System.out.printf(Locale.ROOT, "  %s: %d strings, exact %.3f%n", currency, t[0],
        (double) t[1] / t[0]));
    if (part.equals("dev") || Boolean.getBoolean("eval.showTestMisses")) {
      misses.forEach(System.out::println);
    }
    assertThat(rows).isGreaterThanOrEqualTo(50);
    assertThat(rate).isGreaterThanOrEqualTo(0.97);
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.stripTrailingZeros().toPlainString();
  }
}
