package io.telejobs.matcher.salary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalaryParserTest {
  private final SalaryParser parser = new SalaryParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // text                                  | country | currency | period | min     | max
      "$120,000 - $140,000 a year              | US | USD | YEAR  | 120000  | 140000",
      "US$95k–110k                             | -  | USD | YEAR  | 95000   | 110000",
      "USD 90,000 to 120,000 per annum         | -  | USD | YEAR  | 90000   | 120000",
      "$45 - $55 per hour                      | US | USD | HOUR  | 45      | 55",
      "$52.50/hr                               | US | USD | HOUR  | 52.5    | 52.5",
      "Up to $65/hr                            | US | USD | HOUR  | -       | 65",
      "From $110,000                           | US | USD | YEAR  | 110000  | -",
      "₹15 LPA                                 | IN | INR | YEAR  | 1500000 | 1500000",
      "Rs. 6-8 lakhs per annum                 | IN | INR | YEAR  | 600000  | 800000",
      "INR 15,00,000 - 18,00,000 CTC           | IN | INR | YEAR  | 1500000 | 1800000",
      "8 - 12 Lacs                             | -  | INR | YEAR  | 800000  | 1200000",
      "1.2 Cr CTC                              | IN | INR | YEAR  | 12000000| 12000000",
      "₹75,000 per month                       | IN | INR | MONTH | 75000   | 75000",
      "£45k-£55k                               | GB | GBP | YEAR  | 45000   | 55000",
      "£400 per day                            | GB | GBP | DAY   | 400     | 400",
      "€4.500 / Monat                          | DE | EUR | MONTH | 4500    | 4500",
      "€60.000 - €75.000 per year              | DE | EUR | YEAR  | 60000   | 75000",
      "CA$85,000–CA$100,000/yr                 | CA | CAD | YEAR  | 85000   | 100000",
      "A$130k + super                          | AU | AUD | YEAR  | 130000  | 130000",
      "$2,000 weekly                           | US | USD | WEEK  | 2000    | 2000",
      "Salary: $90,000—$105,000 plus 401(k) match | US | USD | YEAR | 90000 | 105000",
      // UK boards of the Adzuna sample (cv-library.co.uk, careworx.co.uk; eval/real/pay-strings-real.tsv)
      "18000 - 30000/annum 18k - 22k OTE 30k   | GB | GBP | YEAR  | 18000   | 30000",
      "40000 - 85400/annum 40k OTE 40k + CA    | GB | GBP | YEAR  | 40000   | 85400",
      "17.00ph to 27.20ph per hour             | GB | GBP | HOUR  | 17      | 27.2",
      "10p/hr to 11p/hr per hour               | GB | GBP | HOUR  | 10      | 11",
      "23 per hour LTD to 29 per hour LTD per hour | GB | GBP | HOUR | 23   | 29",
      "90 per day to 120 per day per year      | GB | GBP | DAY   | 90      | 120",
      "to 35.00 per hour                       | GB | GBP | HOUR  | -       | 35",
      "22000/annum                             | GB | GBP | YEAR  | 22000   | 22000",
  })
  void parsesRealWorldPay(String text, String country, String currency, Period period, BigDecimal min,
      BigDecimal max) {
    Optional<ParsedSalary> p = parser.parse(text, null, country);
    assertThat(p).isPresent();
    assertThat(p.get().currency()).isEqualTo(currency);
    assertThat(p.get().period()).isEqualTo(period);
    if (min == null) {
      assertThat(p.get().min()).isNull();
    } else {
      assertThat(p.get().min()).isEqualByComparingTo(min);
    }
    if (max == null) {
      assertThat(p.get().max()).isNull();
    } else {
      assertThat(p.get().max()).isEqualByComparingTo(max);
    }
  }

  @Nested
  class NotPay {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Competitive salary",
        "401(k) with 6% match",
        "Manage a $2M project budget",
        "$5,000 sign-on bonus",
        "DOE",
        "Salary commensurate with experience",
        "With worldwide sales exceeding $6 billion",
        "As a $20B company with 60,000 associates",
        "Raised $300M in Series F funding",
        // real benefit lines (LinkedIn postings): a period word before the amount does not make it pay
        "Annual $2,000 learning budget and Citi Bike membership",
        "and an annual $3,000 stipend for your professional development",
        "and charitable donations matched up to $15,000 annually",
    })
    void givesNoSalary(String text) {
      assertThat(parser.parse(text, null, "US")).isEmpty();
    }
  }

  /** An amount stated as pay with no currency is read in the posting's country's currency, with the assumption. */
  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {
      "25,000 per month          | IN | INR | MONTH | 25000",
      "Pay: 48,000 - 52,000      | GB | GBP | YEAR  | 48000",
      "45 per hour               | CA | CAD | HOUR  | 45",
      "55.000 per year           | DE | EUR | YEAR  | 55000",
      // a bare salary field of a year's size (two strings of the Adzuna sample's test boards, added after its
      // figures were taken), and a day rate (cv-library.co.uk, dev)
      "14000 - 15500             | GB | GBP | YEAR  | 14000",
      "25-30K PLUS BONUS         | GB | GBP | YEAR  | 25000",
      "100 - 145/day             | GB | GBP | DAY   | 100",
  })
  void anAmountWithoutCurrencyIsInTheCountrysCurrency(String text, String country, String currency, Period period,
      BigDecimal min) {
    ParsedSalary p = parser.parse(text, null, country).orElseThrow();
    assertThat(p.currency()).isEqualTo(currency);
    assertThat(p.period()).isEqualTo(period);
    assertThat(p.min()).isEqualByComparingTo(min);
    assertThat(p.assumption()).startsWith("no currency written; read as " + currency + " from the posting's country");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {"Band 7 | GB", "Team of 12 | US", "25,000 per month | -",
      "goTRG has processed and sold 35 million units | US"})
  void aBareNumberThatIsNotStatedAsPayOrWithNoCountryIsNoPay(String text, String country) {
    assertThat(parser.parse(text, null, country.equals("-") ? null : country)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"$100,000 - $120,000 | -", "$100,000 - $120,000 | US"})
  void bareDollarWithoutCountryIsARecordedAssumption(String text, String country) {
    ParsedSalary p = parser.parse(text, null, country.equals("-") ? null : country).orElseThrow();
    assertThat(p.currency()).isEqualTo("USD");
    if (country.equals("-")) {
      assertThat(p.assumption()).contains("bare $");
    } else {
      assertThat(p.assumption()).doesNotContain("bare $");
    }
  }
}
