package io.telejobs.analytics.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketStatsTest {
  private static JobFact job(String id, String tier, String level, String country, String mode, String currency,
      Double min, Double max, String firstSeen, String closedOn) {
    return new JobFact(id, "Telehealth Program Manager", "Employer " + id.charAt(0), country, mode, tier, level,
        currency == null ? null : level, currency, min, max, List.of("ehr"), List.of("pmp"), List.of(), "https://example.org/" + id,
        LocalDate.parse(firstSeen), closedOn == null ? null : LocalDate.parse(closedOn), false);
  }

  private static final List<JobFact> JOBS = List.of(
      job("a1", "core", "senior", "US", "remote", "USD", 120_000.0, 140_000.0, "2026-11-02", null),
      job("a2", "core", "mid", "US", "hybrid", "USD", 90_000.0, 110_000.0, "2026-11-03", "2026-11-10"),
      job("b1", "adjacent", "senior", "IN", "onsite", "INR", 1_500_000.0, 2_000_000.0, "2026-11-09", null),
      job("b2", "pathway", "entry", "IN", "remote", null, null, null, "2026-11-16", null),
      job("c1", "core", "senior", "US", "remote", "USD", 150_000.0, 170_000.0, "2026-10-20", "2026-11-04"));

  private static MarketQuery query(String... params) {
    Map<String, String> p = new java.util.HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put(params[i], params[i + 1]);
    }
    MarketQuery.Parsed parsed = MarketQuery.parse(p, LocalDate.parse("2026-11-20"));
    assertThat(parsed.problems()).isEmpty();
    return parsed.query();
  }

  @Test
  void newAndLivePerWeekByTier() {
    MarketStats.Result r = MarketStats.compute(JOBS, query("from", "2026-11-02", "to", "2026-11-22", "interval", "week"));
    assertThat(r.periods()).extracting(p -> p.start().toString()).containsExactly("2026-11-02", "2026-11-09", "2026-11-16");
    // first seen in the week
    assertThat(r.periods()).extracting(p -> p.newByTier().get("core")).containsExactly(2, 0, 0);
    assertThat(r.periods()).extracting(p -> p.newByTier().get("adjacent")).containsExactly(0, 1, 0);
    assertThat(r.periods()).extracting(MarketStats.Period::newTotal).containsExactly(2, 1, 1);
    // open on the last day of the week (Sunday 8th, 15th, and the range's end 22nd): a2 closed on the 10th, c1 on the 4th
    assertThat(r.periods()).extracting(p -> p.liveByTier().get("core")).containsExactly(2, 1, 1);
    assertThat(r.periods()).extracting(MarketStats.Period::liveTotal).containsExactly(2, 2, 3);
    assertThat(r.jobs()).as("live at any time in the range").isEqualTo(5);
    assertThat(r.workModes()).containsEntry("remote", 3).containsEntry("hybrid", 1).containsEntry("onsite", 1);
    assertThat(r.skills()).containsExactly(new MarketStats.Count("ehr", 5));
  }

  @Test
  void payDistributionsPerLevelAndCurrencyOfTheJobsFirstSeenInTheRange() {
    MarketStats.Result r = MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30"));
    assertThat(r.pay()).extracting(p -> p.level() + " " + p.currency() + " " + p.count() + " " + (long) p.p50())
        .containsExactly("mid USD 1 100000", "senior INR 1 1750000", "senior USD 1 130000");
  }

  @ParameterizedTest(name = "{0} of {1} values -> {2}")
  @CsvSource({"10, 10, 1", "25, 10, 3", "50, 10, 5", "90, 10, 9", "50, 1, 1", "10, 3, 1", "90, 3, 3"})
  void nearestRankPercentiles(int p, int n, int expected) {
    List<Double> values = new java.util.ArrayList<>();
    for (int i = n; i >= 1; i--) {
      values.add((double) i);
    }
    MarketStats.Pay pay = MarketStats.distribution("mid", "USD", values);
    double got = switch (p) {
      case 10 -> pay.p10();
      case 25 -> pay.p25();
      case 50 -> pay.p50();
      default -> pay.p90();
    };
    assertThat(got).isEqualTo(expected);
    assertThat(pay.min()).isEqualTo(1);
    assertThat(pay.max()).isEqualTo(n);
  }

  @Test
  void filtersOnEveryDimension() {
    assertThat(MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30", "country", "in")).jobs()).isEqualTo(2);
    assertThat(MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30", "tier", "core,pathway",
        "workMode", "remote")).jobs()).isEqualTo(3);
    assertThat(MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30", "currency", "usd",
        "level", "senior")).jobs()).isEqualTo(2);
    assertThat(MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30", "certification", "capm")).jobs())
        .isZero();
    assertThat(MarketStats.compute(JOBS, query("from", "2026-11-01", "to", "2026-11-30", "band", "senior")).jobs())
        .as("pay in the senior band").isEqualTo(3);
  }

  @Test
  void csvTablesMatchTheFigures() {
    MarketStats.Result r = MarketStats.compute(JOBS, query("from", "2026-11-02", "to", "2026-11-22", "interval", "week"));
    assertThat(Csv.of(r, "series").lines().toList()).containsExactly(
        "period_start,new_core,new_adjacent,new_pathway,new_total,live_core,live_adjacent,live_pathway,live_total",
        "2026-11-02,2,0,0,2,2,0,0,2", "2026-11-09,0,1,0,1,1,1,0,2", "2026-11-16,0,0,1,1,1,1,1,3");
    assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      from=2026-13-01                 | 'from' must be a date such as 2026-11-25, not '2026-13-01'
      interval=hourly                 | 'interval' must be day, week or month, not 'hourly'
      from=2026-11-20,to=2026-11-01   | 'from' (2026-11-20) is after 'to' (2026-11-01)
      from=2020-01-01,to=2026-11-01   | a range may cover at most 1098 days; ask for a shorter one
      """)
  void badQuestionsAreAnsweredInWords(String params, String problem) {
    Map<String, String> p = new java.util.HashMap<>();
    for (String kv : params.split(",")) {
      p.put(kv.split("=")[0], kv.split("=")[1]);
    }
    MarketQuery.Parsed parsed = MarketQuery.parse(p, LocalDate.parse("2026-11-20"));
    assertThat(parsed.query()).isNull();
    assertThat(parsed.problems()).containsExactly(problem);
  }
}
