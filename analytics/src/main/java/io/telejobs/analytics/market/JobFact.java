package io.telejobs.analytics.market;

import java.time.LocalDate;
import java.util.List;

/**
 * What the market statistics keep of one matched job: its facets, its pay as a yearly range, and its two
 * dates: the day it was first seen and the day it closed (null while live).
 *
 * @param id job id
 * @param title job title
 * @param company employer, or null
 * @param country ISO country, or null
 * @param workMode remote, hybrid, onsite or unknown
 * @param tier core, adjacent or pathway
 * @param level entry, mid, senior, lead or unknown
 * @param band the profile's salary band the pay falls in (entry, mid, senior, lead), or null
 * @param currency pay currency, or null
 * @param annualMin yearly pay, lower bound, or null
 * @param annualMax yearly pay, upper bound, or null
 * @param skills skill tags
 * @param certifications certification tags
 * @param industries industry tags
 * @param link the job's apply or posting link
 * @param firstSeen the day it was first seen
 * @param closedOn the day it closed, or null while it is live
 * @param sample whether it is sample data (the local run's sample history)
 */
public record JobFact(String id, String title, String company, String country, String workMode, String tier,
    String level, String band, String currency, Double annualMin, Double annualMax, List<String> skills,
    List<String> certifications, List<String> industries, String link, LocalDate firstSeen, LocalDate closedOn,
    boolean sample) {

  public JobFact {
    skills = skills == null ? List.of() : List.copyOf(skills);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
    industries = industries == null ? List.of() : List.copyOf(industries);
  }

  /** Live on {@code day}: seen by then and not closed on or before it. */
  public boolean liveOn(LocalDate day) {
    return !firstSeen.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
  }

  /** The same job, closed on {@code day} (the first close counts). */
  public JobFact closed(LocalDate day) {
    return closedOn != null ? this : new JobFact(id, title, company, country, workMode, tier, level, band, currency,
        annualMin, annualMax, skills, certifications, industries, link, firstSeen, day, sample);
  }

  /** The yearly pay's midpoint, or null. */
  public Double payMidpoint() {
    if (annualMin == null && annualMax == null) {
      return null;
    }
    if (annualMin == null || annualMax == null) {
      return annualMin != null ? annualMin : annualMax;
    }
    return (annualMin + annualMax) / 2;
  }
}
