package io.telejobs.matcher.salary;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.StatedSalary;
import io.telejobs.matcher.Profiles;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amounts no pay is written with are not pay, with a reason, and never an exception (the hardening
 * issue: a salary of 2^63 crash-looped the matcher's statistics).
 */
class PayBoundsTest {
  private final SalaryNormalizer normalizer = new SalaryNormalizer(new SalaryBands(Profiles.TELEHEALTH.salaryBands()));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "$9223372036854775808 a year          | not pay",
      "$9,223,372,036,854,775,807 - $9,223,372,036,854,775,808 | not pay",
      "$150,000,000 a year                  | above any real pay",
      "₹500 crore per annum                 | above any real pay",
      "$0 - $0                              | not pay",
      "$99999999999999999999999999999999 an hour | not pay"})
  void implausibleTextIsNotPay(String text, String why) {
    SalaryNormalizer.Result r = normalizer.normalize(StatedSalary.ofText(text), "US");
    assertThat(r.salary()).isNull();
    assertThat(r.reason().tag()).isEqualTo("salary=unknown");
    assertThat(r.reason().rule()).contains(why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"9223372036854775808", "1E+999999999", "-5", "1E-999999999", "123456789012345678901234567890"})
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void implausibleStructuredAmountsAreNotPay(String amount) {
    StatedSalary s = new StatedSalary(null, "USD", null, null, new BigDecimal(amount), "YEAR");
    SalaryNormalizer.Result r = normalizer.normalize(s, "US");
    assertThat(r.salary()).isNull();
    assertThat(r.reason().rule()).startsWith("salary.not-pay");
  }

  @Test
  void realPayAtTheTopOfTheRangeIsStillPay() {
    SalaryNormalizer.Result r = normalizer.normalize(StatedSalary.ofText("$450,000 - $600,000 a year"), "US");
    assertThat(r.salary()).isNotNull();
    assertThat(r.salary().annualMax()).isEqualByComparingTo("600000");
  }
}
