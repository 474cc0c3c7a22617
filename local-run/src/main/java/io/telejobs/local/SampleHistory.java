package io.telejobs.local;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A sample market history for the local run's dashboard, clearly labelled as sample data: {@value #JOBS} matched
 * jobs first seen over the {@value #DAYS} days before today, in the US and India, every tier and level, pay in
 * USD and INR (lakhs), yearly and hourly, about half of them closing after a few weeks. Written to
 * {@code jobs.matched.sample.v1}, which only analytics reads, so no subscriber is ever alerted about them.
 * Deterministic: the same day gives the same history.
 */
final class SampleHistory {
  static final int JOBS = 600;
  static final int DAYS = 90;

  private static final String[][] US_EMPLOYERS = {{"Riverbend Health (sample)", "Columbus, OH"},
      {"Lakeshore Medical Group (sample)", "Chicago, IL"}, {"Summit Virtual Care (sample)", "Denver, CO"},
      {"Bayview Hospital System (sample)", "Boston, MA"}, {"Canyon Telehealth (sample)", "Phoenix, AZ"}};
  private static final String[][] IN_EMPLOYERS = {{"Sanjeevani Digital Health (sample)", "Bengaluru, Karnataka"},
      {"Aarogya Virtual Care (sample)", "Pune, Maharashtra"}, {"Metro Hospitals (sample)", "Hyderabad, Telangana"}};
  private static final String[][] TITLES = {
      {"core", "Telehealth Program Manager"}, {"core", "Virtual Care Project Manager"},
      {"core", "Director of Telehealth"}, {"adjacent", "Healthcare IT Project Manager"},
      {"adjacent", "EHR Implementation Manager"}, {"pathway", "Telehealth Coordinator"},
      {"pathway", "Epic ClinDoc Analyst"}, {"pathway", "Telehealth Support Specialist"}};
  private static final String[] SKILLS = {"ehr", "agile", "hipaa-privacy", "interoperability", "jira",
      "remote-patient-monitoring", "stakeholder-management"};
  private static final String[] CERTS = {"pmp", "capm", "ctc", "csm"};

  private SampleHistory() {}

  /** The sample jobs, and for each closing one the instant it closes (null while open). */
  record Item(MatchedJob job, Instant closesAt) {}

  /**
   * The sample jobs as of {@code now}: first seen at office hours on their day, but never after {@code now}
   * (the broker refuses records stamped more than an hour ahead, and a job cannot be seen in the future).
   */
  static List<Item> generate(Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    Random r = new Random(20261125L);
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      boolean india = r.nextInt(5) < 2;
      String[] employer = (india ? IN_EMPLOYERS : US_EMPLOYERS)[r.nextInt(india ? IN_EMPLOYERS.length : US_EMPLOYERS.length)];
      String[] title = TITLES[r.nextInt(TITLES.length)];
      Tier tier = Tier.valueOf(title[0].toUpperCase(java.util.Locale.ROOT));
      Level level = Level.values()[r.nextInt(4)]; // entry, mid, senior, lead
      String prefix = switch (level) {
        case SENIOR -> "Senior ";
        case LEAD -> "Lead ";
        case ENTRY -> "Associate ";
        default -> "";
      };
      int daysAgo = (int) Math.floor(Math.pow(r.nextDouble(), 0.8) * DAYS); // somewhat more recent jobs
      Instant seen = today.minusDays(daysAgo).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9 + r.nextInt(8)));
      if (seen.isAfter(now)) {
        seen = now; // a job of today, before office hours: seen now
      }
      WorkMode mode = WorkMode.values()[r.nextInt(3)];
      NormalizedSalary pay = r.nextInt(6) == 0 ? null : pay(r, india, level);
      List<String> skills = List.of(SKILLS[r.nextInt(SKILLS.length)], SKILLS[r.nextInt(SKILLS.length)]).stream()
          .distinct().toList();
      List<String> certs = r.nextBoolean() ? List.of(CERTS[r.nextInt(CERTS.length)]) : List.of();
      String id = "sample-" + i;
      MatchedJob job = new MatchedJob(MatchedJob.SCHEMA_VERSION, id, id, "sample-history", prefix + title[1],
          employer[0], List.of(employer[1] + (india ? ", India" : ", US")), india ? "IN" : "US", mode,
          List.of("FULL_TIME"), seen.atZone(ZoneOffset.UTC).toLocalDate(), null, "https://example.org/sample/" + id,
          "https://example.org/sample/" + id + "/apply", List.of("https://example.org/sample/" + id),
          "Sample data for the local dashboard.", List.of("sample"), "telehealth-project-manager", "1.0.0", tier, level,
          0.9, pay, skills, certs, List.of("health-tech"), List.of(), seen, seen);
      Instant closes = r.nextBoolean() ? seen.plus(Duration.ofDays(14 + r.nextInt(40))) : null;
      out.add(new Item(job, closes != null && closes.isBefore(today.atStartOfDay(ZoneOffset.UTC).toInstant()) ? closes : null));
    }
    return out;
  }

  private static NormalizedSalary pay(Random r, boolean india, Level level) {
    int step = level.ordinal(); // entry 0 .. lead 3
    if (india) {
      double lakhs = 6 + step * 5 + r.nextInt(5);
      BigDecimal min = BigDecimal.valueOf(lakhs * 100_000).setScale(0, RoundingMode.HALF_UP);
      BigDecimal max = min.add(BigDecimal.valueOf((2 + r.nextInt(4)) * 100_000L));
      return new NormalizedSalary("INR", "YEAR", min, max, min, max, null, null);
    }
    if (r.nextInt(4) == 0) { // hourly
      BigDecimal min = BigDecimal.valueOf(32 + step * 8 + r.nextInt(6));
      BigDecimal max = min.add(BigDecimal.valueOf(4 + r.nextInt(6)));
      return new NormalizedSalary("USD", "HOUR", min, max, min.multiply(BigDecimal.valueOf(2080)),
          max.multiply(BigDecimal.valueOf(2080)), null, null);
    }
    BigDecimal min = BigDecimal.valueOf(75_000 + step * 22_000 + r.nextInt(10) * 1_000L);
    BigDecimal max = min.add(BigDecimal.valueOf(15_000 + r.nextInt(15) * 1_000L));
    return new NormalizedSalary("USD", "YEAR", min, max, min, max, null, null);
  }

  /**
   * Writes the sample history as of {@code now} to the sample topic, each record at the time it happened;
   * returns the number of jobs. Fails, naming the first refusal,
   * when the broker refused any record: a partial history would show the dashboard wrong numbers.
   */
  static int publish(Properties kafka, Instant now) throws Exception {
    List<Item> items = generate(now);
    List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka, Serdes.String().serializer(),
        Topics.MATCHED_SAMPLE.valueSerde().serializer())) {
      for (Item it : items) {
        sent.add(p.send(new ProducerRecord<>(Topics.MATCHED_SAMPLE.name(), null, it.job().fetchedAt().toEpochMilli(),
            it.job().jobId(), it.job())));
        if (it.closesAt() != null) {
          sent.add(p.send(new ProducerRecord<String, MatchedJob>(Topics.MATCHED_SAMPLE.name(), null,
              it.closesAt().toEpochMilli(), it.job().jobId(), null)));
        }
      }
      p.flush();
    }
    for (var f : sent) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("the broker refused a sample history record: " + e.getCause().getMessage(), e);
      }
    }
    return items.size();
  }
}
