package io.telejobs.matcher.title;

import io.telejobs.contracts.Reason;
import io.telejobs.contracts.Tier;
import java.util.List;

/**
 * A title's tier with its score and reasons.
 *
 * @param tier the tier
 * @param score confidence, 0 to 1
 * @param cleanedTitle the title with locations and work modes removed
 * @param reasons which rules fired on which text
 */
public record TierResult(Tier tier, double score, String cleanedTitle, List<Reason> reasons) {
  public TierResult {
    reasons = List.copyOf(reasons);
  }
}
