package io.telejobs.matcher.profile;

import io.telejobs.contracts.Tier;
import java.util.List;

/**
 * Fires when the title holds a phrase of every concept in {@code all} and of none in {@code none}.
 *
 * @param tier the tier it gives
 * @param name rule name, recorded in the reasons
 * @param all concepts that must all appear
 * @param none concepts that must not appear
 * @param score confidence when it fires
 */
public record TierRule(Tier tier, String name, List<String> all, List<String> none, double score) {
  public TierRule {
    all = List.copyOf(all);
    none = none == null ? List.of() : List.copyOf(none);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("tier rule " + name + " needs at least one concept in 'all'");
    }
  }
}
