package io.telejobs.matcher.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.WorkMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The work mode read from a location or from a segment the title cleaner took off, on strings as real
 * sources write them. Origins: the ATS answers in ingest's test resources ({@code ats/real/README.md} names
 * each one's repository and commit) and the real titles of {@code eval/real/titles-real.tsv}
 * (abigailhaddad/usajobs_historical@94a310f80eba6d1d27aefbfe653fd935d5db59b7).
 */
class WorkModeTest {
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
      // Ashby, org ramp (lilliban/eu-job-feeds@a95a577b511d4ca5d08164c03dea0cacff410925:tests/fixtures/ashby_ramp.json)
      "Remote (US)|REMOTE",
      "Remote (Canada)|REMOTE",
      // Greenhouse, board vercel (prettyirrelevant/hunt@8d80282ff8c51d6bebfd42451540d1c00f6ff028:tests/fixtures/greenhouse.json)
      "Hybrid - London|HYBRID",
      "Office - London|UNKNOWN",
      // Greenhouse, board netlify (kurmudgen/jobwatch@047391d5bd53d7ce38ef24c987e563f4906ecc56:tests/fixtures/greenhouse.json)
      "Remote|REMOTE",
      // segments of USAJOBS titles (jobs_department_of_commerce.json, jobs_legislative_branch.json,
      // jobs_department_of_education.json), as the title cleaner removes them
      "On-Site|ONSITE",
      "Onsite Internship|ONSITE",
      "Remote Internship|REMOTE",
      "REMOTE ELIGIBLE|REMOTE",
      "Remote Eligible or Onsite with option for telework|REMOTE",
      "Temp Promotion NTE 1 Year|UNKNOWN",
      // places with no mode
      "Washington, DC|UNKNOWN",
      "Columbus, OH, US|UNKNOWN",
      // constructed (no real source at hand): past 60 characters only a whole phrase names a mode, not the
      // bare word; one row per word that lets each expression run
      "Remote work possible for candidates living within commuting distance of Columbus|UNKNOWN",
      "Candidates may work from home two days a week after the first ninety days|REMOTE",
      "This role is in person at our Columbus campus five days a week, Monday to Friday|ONSITE",
      "Employees work In-Office at the Columbus campus for the first ninety days of the role|ONSITE",
      "Telecommuting is available for this position after training at the Columbus clinic|REMOTE"})
  void readsTheWorkMode(String text, WorkMode expected) {
    assertThat(LocationResolver.modeOf(text)).isEqualTo(expected);
  }
}
