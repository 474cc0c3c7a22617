package io.telejobs.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One realistic value of every event, for serde and schema tests. */
final class Samples {
  private Samples() {}

  static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");

  static JobPosting posting() {
    return new JobPosting(
        JobPosting.SCHEMA_VERSION,
        "mercy-careers:TH-2041",
        "mercy-careers",
        "TH-2041",
        "Senior Telehealth Project Manager",
        "Mercy Virtual Health",
        List.of("St. Louis, MO, US"),
        List.of("US"),
        WorkMode.REMOTE,
        "jobLocationType=TELECOMMUTE",
        List.of("FULL_TIME"),
        new StatedSalary("$120,000 - $145,000 a year", "USD", new BigDecimal("120000"),
            new BigDecimal("145000"), null, "YEAR"),
        "Lead the roll-out of our telehealth platform across 40 clinics. HIPAA, Epic EHR, PMP preferred.",
        LocalDate.parse("2026-11-18"),
        LocalDate.parse("2026-12-31"),
        "https://careers.example.org/jobs/TH-2041",
        "https://careers.example.org/jobs/TH-2041/apply",
        "https://careers.example.org/jobs/TH-2041",
        AT,
        "3f1c");
  }

  static MatchedJob matched() {
    JobPosting p = posting();
    return new MatchedJob(
        MatchedJob.SCHEMA_VERSION,
        p.id(),
        p.id(),
        p.source(),
        p.title(),
        p.company(),
        p.locations(),
        "US",
        WorkMode.REMOTE,
        p.employmentTypes(),
        p.datePosted(),
        p.validThrough(),
        p.postingUrl(),
        p.applyUrl(),
        List.of("https://careers.example.org/jobs/TH-2041", "https://jobs.example.com/acme/TH-2041"),
        "Lead the roll-out of our telehealth platform across 40 clinics.",
        List.of("lead", "telehealth", "platform", "clinics", "hipaa", "epic", "ehr", "pmp"),
        "telehealth-project-manager",
        "1.0.0",
        Tier.CORE,
        Level.SENIOR,
        0.95,
        new NormalizedSalary("USD", "YEAR", new BigDecimal("120000"), new BigDecimal("145000"),
            new BigDecimal("120000"), new BigDecimal("145000"), Level.SENIOR, null),
        List.of("ehr", "hipaa"),
        List.of("pmp"),
        List.of("hospitals-clinics"),
        List.of(new Reason("tier=core", "title.specialty+function", "telehealth ... project manager")),
        AT,
        AT);
  }

  static Subscription subscription() {
    return new Subscription(
        Subscription.SCHEMA_VERSION,
        "sub-1",
        "ana@example.com",
        null,
        new Criteria(Set.of(Tier.CORE, Tier.ADJACENT), Set.of(Level.SENIOR), Set.of("US"),
            Set.of(WorkMode.REMOTE), new BigDecimal("110000"), "USD", Set.of("telehealth"),
            Set.of("nurse"), Set.of("acme staffing"), Set.of(Level.SENIOR, Level.MID), Set.of("columbus, oh", "remote")),
        Frequency.INSTANT,
        SubscriptionStatus.ACTIVE,
        AT,
        null,
        "Asia/Kolkata",
        9);
  }

  static Alert alert() {
    return new Alert(Alert.SCHEMA_VERSION, Alert.idFor("sub-1", posting().id()), subscription(),
        matched(), List.of("remote", "pay at least USD 110,000 a year"), AT);
  }

  static DeliveryRecord delivery() {
    return new DeliveryRecord(DeliveryRecord.SCHEMA_VERSION, Alert.idFor("sub-1", posting().id()),
        "sub-1", posting().id(), DeliveryRecord.Channel.EMAIL, DeliveryRecord.Outcome.DELIVERED, 1,
        "250 OK", AT);
  }

  static MarketStat stat() {
    return new MarketStat(MarketStat.SCHEMA_VERSION, MarketStat.Kind.SALARY, LocalDate.parse("2026-11-18"), null,
        Level.SENIOR, null, null, null, "USD", 12, 118000L, 131000L, 142500L, 155000L);
  }

  static IngestError ingestError() {
    return new IngestError(IngestError.SCHEMA_VERSION, "mercy-careers",
        "https://careers.example.org/jobs/broken", IngestError.Stage.EXTRACT,
        "JSON-LD: unexpected end of input", AT);
  }
}
