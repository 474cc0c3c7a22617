package io.telejobs.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Json;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Career pages' markup as employers embed or link their boards. The addresses are the real ones of
 * the captured answers under {@code /ats/real} (Vercel, Spotify, Ramp, NVIDIA, Bosch, Amazing Care,
 * Channable); the Greenhouse embed is the documented {@code grnhse_app} snippet as astrobotic.com
 * carries it.
 */
class DiscoveryTest {
  private static final URI PAGE = URI.create("https://www.example-health.org/careers");

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "<div id='grnhse_app'></div><script src='https://boards.greenhouse.io/embed/job_board/js?for=voyagertechnologiesinc'></script>"
          + " | Greenhouse | {\"name\":\"voyagertechnologiesinc-greenhouse\",\"type\":\"greenhouse\",\"board\":\"voyagertechnologiesinc\"}",
      "<a href='https://job-boards.greenhouse.io/vercel/jobs/6136160004'>Account Executive</a>"
          + " | Greenhouse | {\"name\":\"vercel-greenhouse\",\"type\":\"greenhouse\",\"board\":\"vercel\"}",
      "<a href='https://jobs.lever.co/spotify'>Open roles</a> | Lever | {\"name\":\"spotify-lever\",\"type\":\"lever\",\"board\":\"spotify\"}",
      "<script src='https://jobs.ashbyhq.com/ramp/embed?version=2'></script> | Ashby | {\"name\":\"ramp-ashby\",\"type\":\"ashby\",\"board\":\"ramp\"}",
      "<a href='https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite'>Jobs</a> | Workday"
          + " | {\"name\":\"nvidia-workday\",\"type\":\"workday\",\"seeds\":[\"https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite\"]}",
      "<a href='https://jobs.smartrecruiters.com/BoschGroup/744000151640889-logistics-section-manager'>Logistics</a>"
          + " | SmartRecruiters | {\"name\":\"boschgroup-smartrecruiters\",\"type\":\"smartrecruiters\",\"board\":\"BoschGroup\"}",
      "<a href='https://apply.workable.com/amazingcarecareers/'>Careers</a>"
          + " | Workable | {\"name\":\"amazingcarecareers-workable\",\"type\":\"workable\",\"board\":\"amazingcarecareers\"}",
      "<a href='https://channable.recruitee.com/o/head-of-people-culture'>Head of People</a>"
          + " | Recruitee | {\"name\":\"channable-recruitee\",\"type\":\"recruitee\",\"board\":\"channable\"}",
      "<link rel='alternate' type='application/rss+xml' href='/careers/jobs.rss'>"
          + " | an RSS/Atom feed | {\"name\":\"example-health.org-feed\",\"type\":\"feed\",\"seeds\":[\"https://www.example-health.org/careers/jobs.rss\"]}"})
  void aBoardOnThePageGivesItsSourcesEntry(String markup, String system, String entry) throws Exception {
    List<Discovery.Finding> found = Discovery.inPage(PAGE, "<html><body>" + markup + "</body></html>", List.of());

    assertThat(found).hasSize(1);
    assertThat(found.get(0).system()).isEqualTo(system);
    assertThat(Json.mapper().writeValueAsString(found.get(0).entry())).isEqualTo(entry);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "<a href='https://careers-acme.icims.com/jobs/1234/job'>Nurse</a> | iCIMS | JSON-LD",
      "<a href='https://eeho.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/jobsearch/requisitions'>Jobs</a>"
          + " | Oracle Recruiting Cloud | no Oracle Recruiting Cloud reader yet"})
  void systemsWithoutAReaderSaySoInWords(String markup, String system, String note) {
    List<Discovery.Finding> found = Discovery.inPage(PAGE, "<html><body>" + markup + "</body></html>", List.of());

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.system()).isEqualTo(system);
      assertThat(f.note()).contains(note);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a page with nothing | <p>We are hiring! Email jobs@example-health.org</p>",
      "Greenhouse's own API host is not a board | <a href='https://boards-api.greenhouse.io/v1/boards/x/jobs'>api</a>",
      "the embed path alone names no board | <a href='https://boards.greenhouse.io/embed/job_board'>jobs</a>"})
  void pagesWithoutABoardFindNothing(String why, String markup) {
    assertThat(Discovery.inPage(PAGE, "<html><body>" + markup + "</body></html>", List.of())).isEmpty();
  }
}
