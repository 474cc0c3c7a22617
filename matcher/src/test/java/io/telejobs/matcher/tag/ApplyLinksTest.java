package io.telejobs.matcher.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A copy of a job at another source never replaces the employer's own apply link. */
class ApplyLinksTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "https://remotive.com/remote-jobs/x/1 ; https://boards.greenhouse.io/acme/jobs/9 | https://boards.greenhouse.io/acme/jobs/9",
      "https://boards.greenhouse.io/acme/jobs/9 ; https://remotive.com/remote-jobs/x/1 | https://boards.greenhouse.io/acme/jobs/9",
      "https://www.indeed.com/viewjob?jk=1 ; https://careers.mercy.net/job/77 | https://careers.mercy.net/job/77",
      "https://careers.mercy.net/job/77 ; https://copycat.example/job/77 | https://careers.mercy.net/job/77",
      "https://copycat.example/job/77 ; https://mercy.wd5.myworkdayjobs.com/en-US/Mercy/job/77 | https://mercy.wd5.myworkdayjobs.com/en-US/Mercy/job/77",
      "~ ; https://jobs.lever.co/acme/1 | https://jobs.lever.co/acme/1"})
  void prefersTheEmployersOwnLink(String links, String expected) {
    assertThat(ApplyLinks.preferred(Arrays.stream(links.split(";")).map(String::strip)
        .map(s -> s.equals("~") ? null : s).toList())).isEqualTo(expected);
  }
}
