package io.telejobs.notifier.subscriptions;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subscription as a client sends it, before validation. Every field may be missing or wrong.
 *
 * @param email email address for alerts
 * @param webhookUrl webhook URL for alerts
 * @param tiers wanted tiers (core, adjacent, pathway)
 * @param levels wanted levels
 * @param countries ISO country codes
 * @param workModes remote, hybrid, onsite
 * @param minAnnualSalary minimum annual pay
 * @param salaryCurrency ISO currency of the minimum
 * @param includeKeywords any of these words
 * @param excludeKeywords none of these words
 * @param excludeCompanies never these companies
 * @param frequency instant, daily or weekly
 * @param webhookFormat json (default) or slack
 * @param timeZone IANA time zone for digests, e.g. Asia/Kolkata
 * @param digestHour local hour 0-23 at which digests go out
 * @param bands wanted salary bands (entry, mid, senior, lead)
 * @param locations places: cities, states or regions
 */
public record SubscriptionRequest(
    String email,
    String webhookUrl,
    List<String> tiers,
    List<String> levels,
    List<String> countries,
    List<String> workModes,
    BigDecimal minAnnualSalary,
    String salaryCurrency,
    List<String> includeKeywords,
    List<String> excludeKeywords,
    List<String> excludeCompanies,
    String frequency,
    String webhookFormat,
    String timeZone,
    Integer digestHour,
    List<String> bands,
    List<String> locations) {

  /** A request without bands and locations. */
  public SubscriptionRequest(String email, String webhookUrl, List<String> tiers, List<String> levels,
      List<String> countries, List<String> workModes, BigDecimal minAnnualSalary, String salaryCurrency,
      List<String> includeKeywords, List<String> excludeKeywords, List<String> excludeCompanies, String frequency,
      String webhookFormat, String timeZone, Integer digestHour) {
    this(email, webhookUrl, tiers, levels, countries, workModes, minAnnualSalary, salaryCurrency, includeKeywords,
        excludeKeywords, excludeCompanies, frequency, webhookFormat, timeZone, digestHour, null, null);
  }
}
