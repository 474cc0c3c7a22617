package io.telejobs.matcher.salary;

import io.telejobs.contracts.Level;
import io.telejobs.matcher.profile.SalaryBand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Assigns the profile's band to an annual range. A range is placed by its midpoint, so a range that
 * straddles two bands goes to the band holding most of it; a single amount is its own midpoint. A
 * currency the profile has no bands for gets no band: amounts are never converted.
 */
public final class SalaryBands {
  private final Map<String, List<SalaryBand>> bands;

  public SalaryBands(Map<String, List<SalaryBand>> bands) {
    this.bands = bands;
  }

  /** The band of the range's midpoint, or null. */
  public Level bandOf(String currency, BigDecimal annualMin, BigDecimal annualMax) {
    List<SalaryBand> list = bands.get(currency);
    if (list == null || (annualMin == null && annualMax == null)) {
      return null;
    }
    BigDecimal lo = annualMin == null ? annualMax : annualMin;
    BigDecimal hi = annualMax == null ? annualMin : annualMax;
    BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    for (SalaryBand band : list) {
      if (band.contains(mid)) {
        return band.level();
      }
    }
    return null;
  }
}
