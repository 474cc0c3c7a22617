package io.telejobs.matcher.location;

import io.telejobs.contracts.Reason;
import io.telejobs.contracts.WorkMode;
import java.util.List;

/**
 * Where the job is and how it is worked.
 *
 * @param country ISO alpha-2, or null when unknown
 * @param workMode work mode, possibly unknown
 * @param reasons how each was known
 */
public record LocationResult(String country, WorkMode workMode, List<Reason> reasons) {
  public LocationResult {
    reasons = List.copyOf(reasons);
  }
}
