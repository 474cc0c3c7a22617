package io.telejobs.analytics.stats;

import io.telejobs.contracts.MatchedJob;

/**
 * What one live published job counts in, and nothing else: the statistics keep these small facts per
 * job rather than the whole job, so that updating them costs little.
 *
 * @param countKey the count row ({@link StatRows#countKey})
 * @param salaryKey the salary row ({@link StatRows#salaryKey}), or null when the pay is unknown
 * @param midpoint the annual salary midpoint ({@link StatRows#annualMidpoint}), or null when unknown
 */
public record StatFacts(String countKey, String salaryKey, Long midpoint) {
  public static StatFacts of(MatchedJob job) {
    return new StatFacts(StatRows.countKey(job), StatRows.salaryKey(job), StatRows.annualMidpoint(job.salary()));
  }
}
