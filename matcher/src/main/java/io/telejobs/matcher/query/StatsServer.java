package io.telejobs.matcher.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MarketStat;
import io.telejobs.matcher.stats.SalarySample;
import io.telejobs.matcher.stats.StatRows;
import io.telejobs.matcher.topology.MatcherTopology;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Serves the market statistics straight from the matcher's state stores (Kafka Streams interactive
 * queries): {@code GET /stats?day=2026-11-25} returns that day's count and salary rows as a JSON array.
 * {@code GET /health} says whether Streams is running. With several matcher instances each serves the
 * partitions it owns; the {@code jobs.stats.v1} topic has every row.
 */
public final class StatsServer implements AutoCloseable {
  private final HttpServer server;
  private final KafkaStreams streams;

  public StatsServer(int port, KafkaStreams streams) throws IOException {
    this.streams = streams;
    this.server = HttpServer.create(new InetSocketAddress(port), 50);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "stats-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/stats", this::stats);
    server.createContext("/health", this::health);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void health(HttpExchange ex) throws IOException {
    try (ex) {
      KafkaStreams.State state = streams.state();
      send(ex, state == KafkaStreams.State.RUNNING ? 200 : 503, Map.of("state", state.name()));
    }
  }

  private void stats(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET")) {
        send(ex, 405, Map.of("error", "GET only"));
        return;
      }
      String q = ex.getRequestURI().getQuery();
      LocalDate day;
      try {
        day = LocalDate.parse(q != null && q.startsWith("day=") ? q.substring(4) : "");
      } catch (DateTimeParseException e) {
        send(ex, 400, Map.of("error", "day must be an ISO date such as 2026-11-25", "field", "day"));
        return;
      }
      if (streams.state() != KafkaStreams.State.RUNNING) {
        send(ex, 503, Map.of("error", "matcher is " + streams.state() + "; try again shortly"));
        return;
      }
      List<MarketStat> rows = new ArrayList<>();
      ReadOnlyKeyValueStore<String, Long> counts = streams.store(StoreQueryParameters.fromNameAndType(
          MatcherTopology.STATS_COUNTS_STORE, QueryableStoreTypes.keyValueStore()));
      try (KeyValueIterator<String, Long> it = counts.prefixScan(StatRows.prefix(MarketStat.Kind.COUNT, day), new StringSerializer())) {
        while (it.hasNext()) {
          KeyValue<String, Long> kv = it.next();
          if (kv.value != null && kv.value > 0) {
            rows.add(StatRows.countRow(kv.key, kv.value));
          }
        }
      }
      ReadOnlyKeyValueStore<String, SalarySample> salaries = streams.store(StoreQueryParameters.fromNameAndType(
          MatcherTopology.STATS_SALARIES_STORE, QueryableStoreTypes.keyValueStore()));
      try (KeyValueIterator<String, SalarySample> it = salaries.prefixScan(StatRows.prefix(MarketStat.Kind.SALARY, day), new StringSerializer())) {
        while (it.hasNext()) {
          KeyValue<String, SalarySample> kv = it.next();
          if (kv.value != null && kv.value.size() > 0) {
            rows.add(StatRows.salaryRow(kv.key, kv.value));
          }
        }
      }
      send(ex, 200, rows);
    }
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
