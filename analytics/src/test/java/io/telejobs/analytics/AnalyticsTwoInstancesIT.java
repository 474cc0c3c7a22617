package io.telejobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two analytics instances share the partitions of one application; each answers for all the jobs, asking the
 * other for its part through the host and port Streams' metadata gives.
 */
class AnalyticsTwoInstancesIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path state;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static AnalyticsService start(KafkaFixture kafka, Path dir, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_STATE_DIR", dir.toString());
    env.put("APP_ANALYTICS_PORT", Integer.toString(port));
    env.put("APP_ANALYTICS_ADVERTISED", "127.0.0.1:" + port);
    AnalyticsService s = new AnalyticsService(AnalyticsConfig.fromEnv(env), Clock.systemUTC());
    s.start();
    return s;
  }

  private static JsonNode get(int port, String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> r;
    do { // 503 while a store is restoring or the group rebalances
      r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } while (r.statusCode() == 503 && System.nanoTime() < deadline);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void eachInstanceAnswersForEveryPartition() throws Exception {
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 6, (short) 1);
      int jobs = 24;
      try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka.clientProperties(),
          Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer())) {
        for (int i = 0; i < jobs; i++) {
          MatchedJob j = Jobs.job("job-" + i, "Telehealth Program Manager", "Employer " + (i % 4), Tier.CORE, Level.MID,
              i % 2 == 0 ? "US" : "IN", WorkMode.REMOTE, null, 0, 0, "2026-11-1" + (i % 9) + "T10:00:00Z");
          p.send(new ProducerRecord<>(Topics.MATCHED.name(), j.jobId(), j)).get();
        }
      }
      int portA = freePort();
      int portB = freePort();
      try (AnalyticsService a = start(kafka, state.resolve("a"), portA);
          AnalyticsService b = start(kafka, state.resolve("b"), portB)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (a.state() != KafkaStreams.State.RUNNING || b.state() != KafkaStreams.State.RUNNING
            || get(portA, "/api/internal/facts").size() + get(portB, "/api/internal/facts").size() < jobs) {
          assertThat(System.nanoTime()).as("both instances running and caught up").isLessThan(deadline);
          ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-analytics", Topics.MATCHED.name(),
              Duration.ofSeconds(60));
        }
        int onA = get(portA, "/api/internal/facts").size();
        int onB = get(portB, "/api/internal/facts").size();
        assertThat(onA + onB).isEqualTo(jobs);
        assertThat(onA).as("the partitions are shared").isPositive().isLessThan(jobs);

        String q = "/api/stats?from=2026-11-01&to=2026-11-30&interval=month";
        assertThat(get(portA, q).get("jobs").asInt()).isEqualTo(jobs);
        assertThat(get(portB, q).get("jobs").asInt()).isEqualTo(jobs);
        assertThat(get(portA, q + "&country=IN").get("jobs").asInt()).isEqualTo(jobs / 2);
        assertThat(get(portB, "/api/jobs?from=2026-11-01&to=2026-11-30&limit=200").get("jobs").size()).isEqualTo(jobs);
      }
    }
  }
}
