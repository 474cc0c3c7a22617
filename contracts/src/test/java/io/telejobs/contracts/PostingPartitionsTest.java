package io.telejobs.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The company key postings are partitioned by. The names in the first column are employers as the real ATS
 * answers under {@code ingest/src/test/resources/ats/real/} spell them (origins in that folder's README);
 * each row's second name is how another source may write the same employer.
 */
class PostingPartitionsTest {
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Booz Allen Hamilton                                   | Booz Allen Hamilton Inc.              | booz allen hamilton
      NVIDIA                                                | Nvidia Corporation                    | nvidia
      AMAZON                                                | Amazon                                | amazon
      TELUS Digital                                         | Telus digital                         | telus digital
      Bosch Group                                           | BOSCH GROUP                           | bosch group
      Amazing Care Home Health Services                     | Amazing Care Home Health Services, LLC | amazing care home health services
      Centers for Disease Control and Prevention            | CENTERS FOR DISEASE CONTROL AND PREVENTION | centers for disease control and prevention
      HITACHI ENERGY TURKEY ELEKTRIK SANAYI ANONIM SIRKETI  | Hitachi Energy Turkey Elektrik Sanayi Anonim Şirketi | hitachi energy turkey elektrik sanayi anonim sirketi
      IL00 Mellanox Technologies, Ltd.                      | IL00 Mellanox Technologies            | il00 mellanox technologies
      The Cigna Group                                       | Cigna Group                           | cigna group
      """)
  void theSameEmployerWrittenTwoWaysHasOneKeyAndOnePartition(String asWritten, String elsewhere, String key) {
    assertThat(CompanyKey.of(asWritten)).isEqualTo(key);
    assertThat(CompanyKey.of(elsewhere)).isEqualTo(key);
    for (int partitions : new int[] {1, 3, 6, 12}) {
      int p = PostingPartitions.of(asWritten, partitions);
      assertThat(p).isBetween(0, partitions - 1);
      assertThat(PostingPartitions.of(elsewhere, partitions)).isEqualTo(p);
    }
  }

  @Test
  void noCompanyIsTheEmptyKeyAndOnePartition() {
    assertThat(CompanyKey.of(null)).isEmpty();
    assertThat(CompanyKey.of("  ")).isEmpty();
    assertThat(CompanyKey.of("Inc.")).isEmpty();
    assertThat(CompanyKey.of("Hims & Hers Health, Inc.")).as("a sign is not a word")
        .isEqualTo("hims hers health");
    assertThat(PostingPartitions.of(null, 6)).isEqualTo(PostingPartitions.of("", 6));
    assertThatThrownBy(() -> PostingPartitions.of("Amazon", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one partition");
  }

  /** The real employers spread over the partitions instead of landing in one. */
  @Test
  void realEmployersSpreadOverPartitions() {
    List<String> employers = List.of("Bosch Group", "Vercel", "Ubisoft", "Spotify", "Linear", "Datadog", "Channable",
        "Amazing Care Home Health Services", "TELUS Digital", "Ramp", "Netlify", "NVIDIA", "My Four Wheels",
        "KoboToolbox", "Internal Revenue Service", "Consumer Financial Protection Bureau", "Booz Allen Hamilton",
        "Adzuna", "AMAZON", "Centers for Disease Control and Prevention");
    Set<Integer> used = new HashSet<>();
    employers.forEach(e -> used.add(PostingPartitions.of(e, 6)));
    assertThat(used).hasSizeGreaterThanOrEqualTo(5);
  }

  /** Other writers' partitioner: the same partition as ingest's from the posting or its JSON; never a guess. */
  @Test
  void thePartitionerPlacesPostingsAsIngestDoesAndRefusesTombstones() {
    org.apache.kafka.common.Node node = new org.apache.kafka.common.Node(0, "127.0.0.1", 9092);
    List<org.apache.kafka.common.PartitionInfo> parts = new java.util.ArrayList<>();
    for (int p = 0; p < 6; p++) {
      parts.add(new org.apache.kafka.common.PartitionInfo("jobs.postings.v1", p, node, new org.apache.kafka.common.Node[] {node},
          new org.apache.kafka.common.Node[] {node}));
    }
    org.apache.kafka.common.Cluster cluster = new org.apache.kafka.common.Cluster("c", List.of(node), parts, Set.of(),
        Set.of());
    PostingPartitioner partitioner = new PostingPartitioner();
    JobPosting posting = new JobPosting(JobPosting.SCHEMA_VERSION, "t:1", "t", null, "Telehealth Project Manager",
        "Booz Allen Hamilton Inc.", List.of(), List.of(), null, null, List.of(), null, null, null, null, null, null,
        "https://careers.example.org/1", java.time.Instant.parse("2026-12-05T00:00:00Z"), "h");
    byte[] json = Topics.POSTINGS.valueSerde().serializer().serialize("jobs.postings.v1", posting);
    int expected = PostingPartitions.of("Booz Allen Hamilton", 6);
    assertThat(partitioner.partition("jobs.postings.v1", "t:1", null, posting, json, cluster)).isEqualTo(expected);
    assertThat(partitioner.partition("jobs.postings.v1", null, null, json, json, cluster)).isEqualTo(expected);
    assertThat(partitioner.partition("jobs.postings.v1", null, null, null, "{\"title\": ".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), cluster)).as("not a posting").isEqualTo(PostingPartitions.of(null, 6));
    assertThatThrownBy(() -> partitioner.partition("jobs.postings.v1", "t:1", null, null, null, cluster))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give its partition");
  }
}
