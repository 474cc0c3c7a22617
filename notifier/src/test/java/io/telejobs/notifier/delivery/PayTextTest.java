package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.NormalizedSalary;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayTextTest {
  @ParameterizedTest(name = "{0} {1} {2}-{3} -> {6}")
  @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
      USD | YEAR  | 120000  | 140000  | 120000  | 140000  | $120–140k a year
      USD | YEAR  | 125500  | 150000  | 125500  | 150000  | $125.5–150k a year
      USD | HOUR  | 24      | 28      | 49920   | 58240   | $24–28 an hour (about $49.9–58.2k a year)
      USD | HOUR  | 24.50   | 24.50   | 50960   | 50960   | $24.50 an hour (about $51k a year)
      GBP | YEAR  | 45000   | 55000   | 45000   | 55000   | £45–55k a year
      EUR | MONTH | 4500    | 4500    | 54000   | 54000   | €4,500 a month (about €54k a year)
      INR | YEAR  | 1200000 | 1500000 | 1200000 | 1500000 | ₹12–15 LPA
      INR | YEAR  | 650000  | 650000  | 650000  | 650000  | ₹6.5 LPA
      INR | MONTH | 50000   | 80000   | 600000  | 960000  | ₹6–9.6 LPA
      USD | YEAR  | ~       | 90000   | ~       | 90000   | up to $90k a year
      AUD | YEAR  | 110000  | ~       | 110000  | ~       | from A$110k a year
      """)
  void readsAsPeopleWriteIt(String currency, String period, BigDecimal min, BigDecimal max, BigDecimal annualMin,
      BigDecimal annualMax, String expected) {
    NormalizedSalary s = new NormalizedSalary(currency, period, min, max, annualMin, annualMax, Level.MID, null);
    assertThat(PayText.of(s)).isEqualTo(expected);
  }
}
