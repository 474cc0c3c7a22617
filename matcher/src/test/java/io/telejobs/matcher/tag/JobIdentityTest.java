package io.telejobs.matcher.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.PostingPartitions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job's identity starts with the key the postings topic is partitioned by, so that postings of one identity
 * always share a partition and the matcher groups them without a repartition. Employers as real ATS answers
 * spell them ({@code ingest/src/test/resources/ats/real/}), with another spelling of each.
 */
class JobIdentityTest {
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Booz Allen Hamilton               | Booz Allen Hamilton Inc.         | Telehealth Project Manager
      NVIDIA                            | Nvidia Corporation               | Sr. Program Manager, Digital Health
      Amazing Care Home Health Services | AMAZING CARE HOME HEALTH SERVICES | Clinical Project Manager (Remote)
      TELUS Digital                     | Telus Digital                    | Project Manager - Telehealth
      """)
  void oneIdentityIsOnePartition(String company, String sameCompany, String title) {
    String a = JobIdentity.of(company, title, List.of("Columbus, OH"), "US");
    String b = JobIdentity.of(sameCompany, title, List.of("Columbus, OH, US"), "US");
    assertThat(a).isEqualTo(b).startsWith(io.telejobs.contracts.CompanyKey.of(company) + "|");
    assertThat(PostingPartitions.of(sameCompany, 6)).isEqualTo(PostingPartitions.of(company, 6));
  }
}
