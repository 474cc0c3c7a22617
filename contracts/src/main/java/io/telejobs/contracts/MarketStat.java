package io.telejobs.contracts;

import java.time.LocalDate;

/**
 * A market figure for analysts, computed from the live matched jobs.
 *
 * <p>Topic {@link Topics#STATS} ({@code jobs.stats.v1}, compacted). Key: {@code kind|day|dimensions}.
 * Value: this record as JSON. A {@code count} row counts live matched jobs posted that day per tier,
 * level, salary band, country and work mode; a {@code salary} row gives annual-salary percentiles per
 * level and currency. Rows change as jobs are published, change or close.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind count or salary
 * @param day the day the jobs were posted (or tagged, when the source gives no date)
 * @param tier tier (count rows)
 * @param level career level
 * @param band salary band (count rows), or null when unknown
 * @param country ISO country (count rows), or null when unknown
 * @param workMode work mode (count rows)
 * @param currency ISO currency (salary rows)
 * @param count live jobs in the row
 * @param p25 25th percentile of annual salary midpoints (salary rows)
 * @param p50 median
 * @param p75 75th percentile
 * @param p90 90th percentile
 */
public record MarketStat(
    int schemaVersion,
    Kind kind,
    LocalDate day,
    Tier tier,
    Level level,
    Level band,
    String country,
    WorkMode workMode,
    String currency,
    long count,
    Long p25,
    Long p50,
    Long p75,
    Long p90) {

  public static final int SCHEMA_VERSION = 1;

  /** What a row measures. */
  public enum Kind {
    COUNT,
    SALARY
  }
}
