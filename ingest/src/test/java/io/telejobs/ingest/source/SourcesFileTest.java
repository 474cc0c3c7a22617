package io.telejobs.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesFileTest {
  @Test
  void bundledFilesLoad() {
    assertThat(SourcesFile.load("classpath:sources/demo.json", Map.of("SAMPLE_SITE_URL", "http://127.0.0.1:1")))
        .extracting(Source::name).containsExactly("riverside-health", "sanjeevani-virtual-care");
    assertThat(SourcesFile.load("classpath:sources/live.json", Map.of()))
        .allSatisfy(s -> assertThat(s.apiUrl().getScheme()).isEqualTo("https"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "greenhouse      | acme       | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true&pay_transparency=true",
      "lever           | acme       | https://api.lever.co/v0/postings/acme?mode=json",
      "ashby           | acme       | https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
      "smartrecruiters | BoschGroup | https://api.smartrecruiters.com/v1/companies/BoschGroup/postings?limit=100&offset=0",
      "recruitee       | channable  | https://channable.recruitee.com/api/offers/",
      "workable        | amazingcarecareers | https://apply.workable.com/api/v1/widget/accounts/amazingcarecareers?details=true",
      "remotive        | telehealth | https://remotive.com/api/remote-jobs?search=telehealth",
      "usajobs         | telehealth | https://data.usajobs.gov/api/search?Keyword=telehealth&ResultsPerPage=500&Page=1",
      "adzuna          | us:telehealth | https://api.adzuna.com/v1/api/jobs/us/search/1?results_per_page=50&what=telehealth&content-type=application%2Fjson"})
  void atsSourcesReadTheirPublicBoardApi(String type, String board, String url) {
    String json = "{\"sources\": [{\"name\": \"x\", \"type\": \"" + type + "\", \"board\": \"" + board + "\"}]}";
    assertThat(SourcesFile.parse(json, Map.of(), "test").get(0).apiUrl()).hasToString(url);
  }

  @org.junit.jupiter.api.Test
  void aWorkdaySourceReadsTheCxsApiOfItsCareerSite() {
    String json = "{\"sources\": [{\"name\": \"n\", \"type\": \"workday\", "
        + "\"seeds\": [\"https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite\"]}]}";
    assertThat(SourcesFile.parse(json, Map.of(), "test").get(0).apiUrl())
        .hasToString("https://nvidia.wd5.myworkdayjobs.com/wday/cxs/nvidia/NVIDIAExternalCareerSite/jobs");
  }

  @org.junit.jupiter.api.Test
  void remotiveIsNeverReadMoreOftenThanItsTermsAllow() {
    String json = "{\"sources\": [{\"name\": \"r\", \"type\": \"remotive\", \"board\": \"telehealth\", \"interval\": \"PT1H\"}]}";
    assertThat(SourcesFile.parse(json, Map.of(), "test").get(0).interval()).isEqualTo(java.time.Duration.ofHours(6));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "PT6H  | PT6H",
      "P1D   | PT24H",
      "PT90M | PT1H30M",
      "none  | none"})
  void aSourceMaySetItsOwnInterval(String given, java.time.Duration expected) {
    String field = given == null ? "" : ", \"interval\": \"" + given + "\"";
    String json = "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"http://a\"]" + field + "}]}";
    assertThat(SourcesFile.parse(json, Map.of(), "test").get(0).interval()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"sources\": [{\"name\": \"x\", \"type\": \"greenhouse\"}]}                        | board name",
      "{\"sources\": [{\"name\": \"x\", \"type\": \"workday\", \"board\": \"b\"}]}          | seed URL is required (the career site",
      "{\"sources\": [{\"name\": \"x\", \"type\": \"workday\", \"seeds\": [\"https://acme.com/jobs\"]}]} | not a Workday career-site URL",
      "{\"sources\": [{\"name\": \"x\", \"type\": \"taleo\", \"board\": \"b\"}]}            | unknown type",
      "{\"sources\": [{\"name\": \"x\", \"type\": \"listing\"}]}                           | seed URL",
      "{\"sources\": [{\"name\": \"X Y\", \"seeds\": [\"http://a\"]}]}                      | source name",
      "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"${NOPE}\"]}]}                         | NOPE",
      "{\"sources\": []}                                                                   | non-empty",
      "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"http://a\"], \"selectors\": {\"pay\": \"p\"}}]}     | unknown selector 'pay'",
      "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"http://a\"], \"selectors\": {\"salary\": \"p\"}}]}  | at least \"title\"",
      "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"http://a\"], \"interval\": \"6h\"}]}          | interval '6h' is not an ISO-8601 duration",
      "{\"sources\": [{\"name\": \"x\", \"seeds\": [\"http://a\"], \"interval\": \"PT0S\"}]}        | interval must be positive",
      "{nope                                                                              | not valid JSON"})
  void mistakesNameWhatIsWrong(String json, String message) {
    assertThatThrownBy(() -> SourcesFile.parse(json, Map.of(), "test.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
