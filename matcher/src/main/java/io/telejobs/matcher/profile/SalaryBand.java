package io.telejobs.matcher.profile;

import io.telejobs.contracts.Level;
import java.math.BigDecimal;

/**
 * An annual pay band of one level in one currency.
 *
 * @param level the level it stands for
 * @param min lower bound, inclusive
 * @param max upper bound, exclusive; null for open-ended
 */
public record SalaryBand(Level level, BigDecimal min, BigDecimal max) {
  public SalaryBand {
    if (level == null || min == null) {
      throw new IllegalArgumentException("a salary band needs a level and a min");
    }
    if (max != null && max.compareTo(min) <= 0) {
      throw new IllegalArgumentException("salary band " + level + ": max must be above min");
    }
  }

  public boolean contains(BigDecimal amount) {
    return amount.compareTo(min) >= 0 && (max == null || amount.compareTo(max) < 0);
  }
}
