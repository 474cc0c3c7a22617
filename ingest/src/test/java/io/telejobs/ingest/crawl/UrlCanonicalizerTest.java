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

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://jobs.example.com/a%20b/c                 | https://jobs.example.com/a%20b/c",
      "https://jobs.example.com/search?q=a%20b&page=2   | https://jobs.example.com/search?page=2&q=a%20b",
      "http://[2606:4700::1111]/jobs/7                  | http://[2606:4700::1111]/jobs/7",
      "http://[2606:4700::1111]:8080/jobs/7?utm_medium=x | http://[2606:4700::1111]:8080/jobs/7"})
  void keepsEscapesAsTheyAreAndIpv6Literals(String raw, String expected) {
    assertThat(c.canonical(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/", "http://10.0.0.7/admin",
      "http://[::1]:8080/", "http://127.0.0.1:8080/", "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/"})
  void dropsUrlsThatNameAPrivateOrMetadataAddress(String raw) {
    assertThat(c.canonical(raw)).isNull();
  }

  @org.junit.jupiter.api.Test
  void keepsAnAllowlistedLocalHost() {
    UrlCanonicalizer local = new UrlCanonicalizer(io.telejobs.net.AddressPolicy.withAllowlist("127.0.0.1"));
    assertThat(local.canonical("http://127.0.0.1:8080/jobs/1")).isEqualTo("http://127.0.0.1:8080/jobs/1");
    assertThat(local.canonical("http://169.254.169.254/")).isNull();
  }
}
