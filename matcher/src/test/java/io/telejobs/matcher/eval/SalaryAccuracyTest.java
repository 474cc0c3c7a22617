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
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact-match rate of salary parsing on hand-labelled pay strings ({@code eval/salaries.tsv}, the set
 * the parser was tuned on, and {@code eval/salaries-holdout.tsv}, written afterwards): currency,
 * period, min and max must all be right, and a string with no pay must give no salary. Prints the rate and
 * every miss; fails below 0.97.
 */
class SalaryAccuracyTest {
  @ParameterizedTest
  @ValueSource(strings = {"salaries.tsv", "salaries-holdout.tsv"})
  void exactMatchRateAtLeast97Percent(String file) throws IOException {
    SalaryParser parser = new SalaryParser();
    int rows = 0;
    int exact = 0;
    int noPayRows = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/eval/" + file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows++;
        String country = f[1].equals("-") ? null : f[1];
        Optional<ParsedSalary> got = parser.parse(f[0], null, country);
        String expected = f[2].equals("-") ? "none" : f[2] + " " + f[3] + " " + f[4] + ".." + f[5];
        if (f[2].equals("-")) {
          noPayRows++;
        }
        String actual = got.map(p -> p.currency() + " " + p.period() + " " + show(p.min()) + ".." + show(p.max()))
            .orElse("none");
        if (Objects.equals(expected, actual)) {
          exact++;
        } else {
          misses.add(String.format(Locale.ROOT, "  %-60s expected %-32s got %s", f[0], expected, actual));
        }
      }
    }
    double rate = (double) exact / rows;
    System.out.printf(Locale.ROOT, "Salary evaluation %s: %d labelled strings (%d with no pay), exact match %.3f (%d)%n",
        file, rows, noPayRows, rate, exact);
    misses.forEach(System.out::println);
    if (file.equals("salaries.tsv")) {
      assertThat(rows).isGreaterThanOrEqualTo(200);
    }
    assertThat(rate).isGreaterThanOrEqualTo(0.97);
  }

  private static String show(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}
