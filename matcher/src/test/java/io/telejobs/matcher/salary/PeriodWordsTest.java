package io.telejobs.matcher.salary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first period word of a pay text. {@link SalaryParser#periodWord} tries its alternatives only where
 * the text has a character a period word can start with ({@link SalaryParser#PERIOD_START}); that check must
 * never hide a word: on every real pay string, and on every period word as written, it finds the same word
 * as the alternatives tried everywhere.
 */
class PeriodWordsTest {
  /** The reference: every period's alternatives, tried at every place. */
  private static final Pattern EVERYWHERE = Pattern.compile(SalaryParser.PERIOD_ALTERNATIVES);

  private static Period reference(String text) {
    Matcher m = EVERYWHERE.matcher(text);
    return m.find() ? SalaryParser.periodOf(m) : null;
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
      "$20/hr|HOUR", "$20 / hour|HOUR", "20 per hour|HOUR", "20 hourly|HOUR", "20 an hour|HOUR", "20 a hour|HOUR",
      "20 p/h|HOUR", "17.00ph|HOUR", "17 ph|HOUR", "10p.hr|HOUR", "20/h|HOUR", "20 hr|HOUR", "20 euro stunde|HOUR",
      "90/day|DAY", "90 per day|DAY", "90 daily|DAY", "90 a day|DAY", "day rate 90|DAY", "per diem 90|DAY",
      "90 pd|DAY", "90 p/d|DAY",
      "500/wk|WEEK", "500 / week|WEEK", "500 per week|WEEK", "500 weekly|WEEK", "500 a week|WEEK", "500 pw|WEEK",
      "500 p/w|WEEK",
      "4000/mo|MONTH", "4000/month|MONTH", "4000 / mth|MONTH", "4000 per month|MONTH", "4000 monthly|MONTH",
      "4000 a month|MONTH", "4000 p.m.|MONTH", "4000 pm|MONTH", "40000 per mensem|MONTH", "4000 im monat|MONTH",
      "4000 par mois|MONTH",
      "90000/yr|YEAR", "90000 / year|YEAR", "90000 per year|YEAR", "90000 per annum|YEAR", "annual 90000|YEAR",
      "90000 annually|YEAR", "90000 yearly|YEAR", "90000 a year|YEAR", "90000 p.a.|YEAR", "90000 pa|YEAR",
      "12 lpa|YEAR", "12 lakh ctc|YEAR", "90000 pro jahr|YEAR", "90 k/yr|YEAR", "90000 per yr|YEAR",
      "90000/annum|YEAR",
      "competitive|", "doe|", "45,000 - 55,000|"})
  void findsEachPeriodWord(String text, Period expected) {
    String lower = text.toLowerCase(Locale.ROOT);
    assertThat(SalaryParser.periodWord(lower)).isEqualTo(expected);
    assertThat(SalaryParser.periodWord(lower)).isEqualTo(reference(lower));
  }

  @Test
  void findsTheSameWordAsTheAlternativesTriedEverywhereOnEveryRealPayString() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String file : List.of("/eval/real/pay-strings-real.tsv", "/eval/real/not-pay-real.tsv")) {
      try (InputStream in = PeriodWordsTest.class.getResourceAsStream(file)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.startsWith("#") && !line.isBlank()) {
            texts.add(line.split("\t")[0].toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    int withWord = 0;
    for (String text : texts) {
      Period expected = reference(text);
      assertThat(SalaryParser.periodWord(text)).as(text).isEqualTo(expected);
      withWord += expected != null ? 1 : 0;
    }
    assertThat(texts).hasSizeGreaterThan(1_900);
    assertThat(withWord).isGreaterThan(1_000);
  }
}
