package io.telejobs.analytics;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Matched jobs as the matcher publishes them, for the analytics tests. */
final class Jobs {
  private Jobs() {}

  static MatchedJob job(String id, String title, String company, Tier tier, Level level, String country, WorkMode mode,
      String currency, long annualMin, long annualMax, String fetchedAt) {
    NormalizedSalary pay = currency == null ? null : new NormalizedSalary(currency, "YEAR", BigDecimal.valueOf(annualMin),
        BigDecimal.valueOf(annualMax), BigDecimal.valueOf(annualMin), BigDecimal.valueOf(annualMax), level, null);
    Instant at = Instant.parse(fetchedAt);
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, id, id, "test", title, company, List.of("Columbus, OH, " + country),
        country, mode, List.of("FULL_TIME"), null, null, "https://careers.example.org/jobs/" + id,
        "https://careers.example.org/jobs/" + id + "/apply", List.of("https://careers.example.org/jobs/" + id),
        "Lead our telehealth platform roll-out.", List.of("telehealth"), "telehealth-project-manager", "1.0.0", tier,
        level, 0.9, pay, List.of("ehr", "agile"), List.of("pmp"), List.of("health-tech"), List.of(), at, at);
  }
}
