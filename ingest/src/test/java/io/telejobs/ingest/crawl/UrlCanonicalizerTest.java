package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
  private final UrlCanonicalizer c = new UrlCanonicalizer();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTP://Jobs.Example.COM:80/a/../careers/123?utm_source=x&utm_campaign=y | http://jobs.example.com/careers/123",
      "https://jobs.example.com/careers/123#apply                                | https://jobs.example.com/careers/123",
      "https://jobs.example.com/c?b=2&a=1&gclid=zz                               | https://jobs.example.com/c?a=1&b=2",
      "https://boards.greenhouse.io/acme/jobs/42?gh_src=abc                      | https://boards.greenhouse.io/acme/jobs/42",
      "https://jobs.lever.co/acme/uuid?lever-source=LinkedIn                     | https://jobs.lever.co/acme/uuid",
      "https://example.org:443/x                                                 | https://example.org/x"
  })
  void stripsTrackingAndNormalises(String raw, String expected) {
    assertThat(c.canonical(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"mailto:jobs@example.com", "javascript:void(0)", "ftp://example.com/x"})
  void rejectsNonHttpUrls(String raw) {
    assertThat(c.canonical(raw)).isNull();
  }
}
