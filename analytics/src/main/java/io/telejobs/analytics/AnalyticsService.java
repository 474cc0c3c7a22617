package io.telejobs.analytics;

import io.telejobs.analytics.api.AnalyticsApi;
import io.telejobs.analytics.market.JobFact;
import io.telejobs.analytics.topology.AnalyticsTopology;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics service: the Streams application that keeps the market's job facts, and the dashboard with
 * its statistics API, answered from this instance's stores.
 */
public final class AnalyticsService implements ServiceMain.Service {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);

  private final AnalyticsConfig config;
  private final KafkaStreams streams;
  private final AnalyticsApi api;

  public AnalyticsService(AnalyticsConfig config, Clock clock) {
    this.config = config;
    this.streams = new KafkaStreams(AnalyticsTopology.build(), config.streams());
    this.api = new AnalyticsApi(WebServer.Settings.defaults("analytics", config.httpPort()), this::allFacts,
        this::facts, clock);
  }

  @Override
  public void start() {
    TopicAdmin.ensure(config.kafka(), List.of(Topics.MATCHED, Topics.MATCHED_SAMPLE, Topics.ANALYTICS_DLQ),
        config.partitions(), config.replication());
    streams.setStateListener((now, before) -> LOG.info("analytics state {} -> {}", before, now));
    streams.start();
    api.start();
    LOG.info("market dashboard at http://localhost:{}/", api.port());
  }

  public int port() {
    return api.port();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Every job fact of the application: this instance's, and with several instances, the others' too, asked
   * for over their API at the host and port Streams' metadata gives for them ({@code application.server}).
   */
  List<JobFact> allFacts() {
    List<JobFact> all = new ArrayList<>(facts());
    if (config.advertised().isEmpty()) {
      return all;
    }
    for (org.apache.kafka.streams.StreamsMetadata m : streams.metadataForAllStreamsClients()) {
      String other = m.hostInfo().host() + ":" + m.hostInfo().port();
      if (other.equals(config.advertised()) || m.stateStoreNames().isEmpty()) {
        continue;
      }
      all.addAll(remoteFacts(other));
    }
    return all;
  }

  private static List<JobFact> remoteFacts(String hostPort) {
    try {
      java.net.http.HttpResponse<byte[]> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://" + hostPort + "/api/internal/facts")).timeout(Duration.ofSeconds(20)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AnalyticsApi.NotReady();
      }
      return io.telejobs.contracts.Json.mapper().readValue(r.body(),
          io.telejobs.contracts.Json.mapper().getTypeFactory().constructCollectionType(List.class, JobFact.class));
    } catch (java.io.IOException e) {
      LOG.warn("analytics instance {} did not answer: {}", hostPort, e.getMessage());
      throw new AnalyticsApi.NotReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnalyticsApi.NotReady();
    }
  }

  /** Every job fact this instance holds; empty while the store is not queryable (starting, rebalancing). */
  List<JobFact> facts() {
    ReadOnlyKeyValueStore<String, byte[]> store;
    try {
      store = streams.store(StoreQueryParameters.fromNameAndType(AnalyticsTopology.JOBS_STORE,
          QueryableStoreTypes.<String, byte[]>keyValueStore()));
    } catch (RuntimeException e) {
      throw new AnalyticsApi.NotReady();
    }
    List<JobFact> out = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        try {
          out.add(AnalyticsTopology.read(kv.value));
        } catch (RuntimeException e) {
          LOG.warn("skipping unreadable job fact {}: {}", kv.key, e.getMessage());
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    api.close();
    streams.close(Duration.ofSeconds(30));
  }
}
