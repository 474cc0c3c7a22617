package io.telejobs.bench;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic postings for benchmarks, from a fixed seed: titles across every tier and many hard
 * negatives, 600-2,000 character descriptions, structured and free-text pay in USD, INR and GBP.
 */
public final class BenchPostings {
  private static final String[] TITLES = {
      "Senior Telehealth Project Manager", "Telemedicine Program Manager | Remote, US", "Director of Telehealth Services",
      "Virtual Care Program Manager - Boston, MA", "Healthcare IT Project Manager", "Epic Implementation Manager",
      "Clinical Informatics Program Manager", "Telehealth Coordinator", "Healthcare IT Analyst", "EHR Analyst",
      "Telehealth Registered Nurse (RN)", "Telemetry Technician", "Construction Project Manager", "Software Engineer",
      "Project Manager", "Telesales Executive", "Product Manager, Digital Health", "Registered Nurse - ICU",
      "Marketing Coordinator", "Data Analyst", "IT Project Manager", "Remote Patient Monitoring Program Manager",
      "Tele-ICU Program Director", "Project Coordinator - Telehealth", "Telemedicine Project Manager - Bengaluru",
      "Associate Project Manager - Healthcare", "Warehouse Operations Manager", "Physician - Family Medicine"};
  private static final String[] SENTENCES = {
      "You will plan and deliver the roll-out of our telehealth platform across primary care clinics.",
      "Coordinate with providers, IT and vendors so that virtual visits work for patients and staff.",
      "Experience with Epic or Cerner EHR integration and scheduling systems is a plus.",
      "Keep every workstream compliant with HIPAA and our privacy and security policies.",
      "We work in Agile sprints and track work in Jira and MS Project.",
      "5+ years of project management experience, PMP or CAPM preferred.",
      "Our benefits include health insurance, a 401(k) match and generous paid time off.",
      "This is a fully remote position open to candidates across the United States.",
      "Manage budgets, timelines and risks; report progress to the steering committee.",
      "Train clinic staff on video visits and remote patient monitoring devices.",
      "We are a fast-growing health-tech company serving hospitals and clinics.",
      "Build dashboards and reports for operations leaders.",
      "Oversee subcontractors on site and keep construction on schedule.",
      "Write clean, tested code in Java and Kotlin.",
      "Call prospects and meet weekly sales targets.",
      "Provide direct patient care on a 36-bed unit; active RN license required.",
      "Certified Telehealth Coordinator (CTC) or facilitator certification welcome.",
      "Hybrid: three days a week at our Columbus campus.",
      "Work with consulting partners on interoperability, HL7 and FHIR interfaces.",
      "Lead a team of four project coordinators and two analysts."};
  private static final String[] PAY_TEXT = {
      "$120,000 - $140,000 a year", "$45 - $55 per hour", "₹12-15 LPA", "Rs. 6-8 lakhs per annum",
      "£45k-£55k", "Competitive salary", "$95k–110k", "INR 15,00,000 - 18,00,000 CTC", "Up to $160,000", ""};

  private BenchPostings() {}

  public static List<JobPosting> generate(int n, long seed) {
    Random r = new Random(seed);
    List<JobPosting> out = new ArrayList<>(n);
    Instant at = Instant.parse("2026-11-25T00:00:00Z");
    for (int i = 0; i < n; i++) {
      String title = TITLES[r.nextInt(TITLES.length)];
      StringBuilder d = new StringBuilder();
      int target = 600 + r.nextInt(1400);
      while (d.length() < target) {
        d.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(' ');
      }
      StatedSalary pay;
      int p = r.nextInt(3);
      if (p == 0) {
        pay = new StatedSalary(null, "USD", BigDecimal.valueOf(80_000 + r.nextInt(60) * 1000L),
            BigDecimal.valueOf(150_000 + r.nextInt(40) * 1000L), null, "YEAR");
      } else {
        String text = PAY_TEXT[r.nextInt(PAY_TEXT.length)];
        pay = text.isEmpty() ? null : StatedSalary.ofText(text);
      }
      boolean india = title.contains("Bengaluru") || r.nextInt(4) == 0;
      String id = "bench:" + i;
      // 500 employers x 300 cities: the same job at two sources is rare, as on the real web
      String company = (india ? "Sanjeevani Virtual Care " : "Riverside Health ") + r.nextInt(500);
      String city = (india ? "Bengaluru " : "Columbus ") + r.nextInt(300);
      out.add(new JobPosting(JobPosting.SCHEMA_VERSION, id, "bench", Integer.toString(i), title, company,
          List.of(city + (india ? ", Karnataka, IN" : ", OH, US")), List.of(india ? "IN" : "US"),
          r.nextBoolean() ? WorkMode.REMOTE : WorkMode.UNKNOWN, null, List.of("FULL_TIME"), pay, d.toString().strip(),
          null, null, "https://careers.example.org/jobs/" + i, "https://careers.example.org/jobs/" + i,
          "https://careers.example.org/jobs/" + i, at,
          Integer.toHexString(r.nextInt())));
    }
    return out;
  }
}
