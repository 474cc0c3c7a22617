package io.telejobs.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.FixtureHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  private record Run(int status, List<JobPosting> postings, String err) {}

  private static Run run(String target) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ExtractCommand.run(target, "debug", new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), io.telejobs.ingest.fetch.TestFetchers.LOCAL);
    List<JobPosting> postings = out.toString(StandardCharsets.UTF_8).lines()
        .map(l -> Topics.POSTINGS.valueSerde().deserializer().deserialize("t", l.getBytes(StandardCharsets.UTF_8))).toList();
    return new Run(status, postings, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsThePostingsOfAUrlAsJsonLines() throws Exception {
    try (FixtureHttpServer site = FixtureHttpServer.serving("sites/clinic")) {
      Run r = run(site.baseUrl() + "/jobs/graph.html");
      assertThat(r.status()).isZero();
      assertThat(r.postings()).extracting(JobPosting::title)
          .containsExactly("Virtual Care Program Manager", "Telehealth Coordinator");
      assertThat(r.postings()).extracting(JobPosting::id).containsExactly("debug:RH-2001", "debug:RH-2002");
    }
  }

  @Test
  void readsASavedFileAndReportsBrokenBlocks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.html");
    try (var in = getClass().getResourceAsStream("/sites/clinic/jobs/broken.html")) {
      Files.write(file, in.readAllBytes());
    }
    Run r = run(file.toString());
    assertThat(r.postings()).singleElement().extracting(JobPosting::title).isEqualTo("Remote Patient Monitoring Coordinator");
    assertThat(r.err()).contains("problem: JSON-LD block 2 is not valid JSON");
  }

  @Test
  void aPageWithNothingReadableExitsWithOne(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.html"),
        "<script type='application/ld+json'>{\"@type\": \"JobPosting\", \"title\": </script>");
    assertThat(run(file.toString()).status()).isEqualTo(1);
  }
}
