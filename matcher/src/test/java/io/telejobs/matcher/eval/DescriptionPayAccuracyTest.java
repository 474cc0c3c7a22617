package io.telejobs.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.telejobs.matcher.salary.DescriptionPay;
import io.telejobs.matcher.salary.ParsedSalary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pay read from real descriptions ({@code eval/real/pay-in-description.jsonl}): LinkedIn postings whose
 * structured pay LinkedIn itself recorded, which is the label. A row is "stated in text" when its minimum
 * appears in the description; for those the finder must read the same currency, period, minimum and maximum,
 * and for the others it must find nothing. Prints every figure and every miss.
 *
 * <p>This is a dev set: the finder was tuned on it (found 0.831, exact 0.703 before; 0.953 and 0.872 after).
 * Most remaining exact misses are rows where LinkedIn's recorded range differs from the text (on-target
 * earnings, a range per region); the label is kept as recorded.
 */
class DescriptionPayAccuracyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsPayFromRealDescriptions() throws IOException {
    Figures dev = score("/eval/real/pay-in-description.jsonl", "dev part");
    assertThat(dev.stated).isGreaterThanOrEqualTo(100);
    assertThat(dev.foundRate()).as("found").isGreaterThanOrEqualTo(0.95);
    assertThat(dev.exactRate()).as("exact").isGreaterThanOrEqualTo(0.85);
    assertThat(dev.absentRate()).as("absent").isGreaterThanOrEqualTo(0.95);
  }

  /**
   * The test part: descriptions from the real ATS answers under ingest's {@code ats/real} and 13 saved LinkedIn
   * job pages (other sources than the dev part, added after the finder was written). Small; printed, and held to
   * the bars. The LinkedIn pages' first run found 7 of 11; their misses were looked at once (see the
   * corpus README).
   */
  @Test
  void readsPayFromDescriptionsItWasNeverTunedOn() throws IOException {
    Figures test = score("/eval/real/pay-in-description-test.jsonl", "test part");
    assertThat(test.foundRate()).as("found").isGreaterThanOrEqualTo(0.95);
    assertThat(test.absentRate()).as("absent").isGreaterThanOrEqualTo(0.98);
  }

  private record Figures(int stated, int found, int exact, int notStated, int absentRight) {
    double foundRate() {
      return (double) found / stated;
    }

    double exactRate() {
      return (double) exact / stated;
    }

    double absentRate() {
      return notStated == 0 ? 1.0 : (double) absentRight / notStated;
    }
  }

  private Figures score(String resource, String part) throws IOException {
    DescriptionPay finder = new DescriptionPay();
    int stated = 0;
    int found = 0;
    int exact = 0;
    int notStated = 0;
    int absentRight = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode row = JSON.readTree(line);
        Optional<DescriptionPay.Found> got = finder.find(row.get("description").asText(), row.get("country").asText());
        String actual = got.map(f -> show(f.salary())).orElse("none");
        if (row.get("statedInText").asBoolean()) {
          String expected = row.get("currency").asText() + " " + row.get("period").asText() + " "
              + plain(row.get("min").asText()) + ".." + plain(row.get("max").asText());
          stated++;
          if (got.isPresent()) {
            found++;
          }
          if (expected.equals(actual)) {
            exact++;
          } else {
            misses.add(String.format(Locale.ROOT, "  job %s expected %-30s got %-30s from: %s", row.get("job_id").asText(),
                expected, actual, got.map(DescriptionPay.Found::sentence).orElse("")));
          }
        } else {
          notStated++;
          if (got.isEmpty()) {
            absentRight++;
          } else {
            misses.add(String.format(Locale.ROOT, "  job %s expected none (pay not in the text) got %s from: %s",
                row.get("job_id").asText(), actual, got.get().sentence()));
          }
        }
      }
    }
    Figures f = new Figures(stated, found, exact, notStated, absentRight);
    System.out.printf(Locale.ROOT, "Description pay (%s), %d real descriptions: pay stated in %d, found %.3f, "
        + "exact %.3f (%d); pay not in the text %d, reported absent %.3f%n", part, stated + notStated, stated,
        f.foundRate(), f.exactRate(), exact, notStated, f.absentRate());
    misses.forEach(System.out::println);
    return f;
  }

  private static String plain(String number) {
    return new BigDecimal(number).stripTrailingZeros().toPlainString();
  }

  private static String show(ParsedSalary p) {
    return p.currency() + " " + p.period() + " " + (p.min() == null ? "-" : p.min().stripTrailingZeros().toPlainString())
        + ".." + (p.max() == null ? "-" : p.max().stripTrailingZeros().toPlainString());
  }
}
